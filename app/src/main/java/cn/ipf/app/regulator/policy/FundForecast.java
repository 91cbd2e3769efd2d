package cn.ipf.app.regulator.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 资金耗尽预测 how long a compensation fund lasts at the pace of its payouts over the last twelve months: balance ÷
 * (payouts ÷ 12), in months to one decimal; none when nothing was paid (the fund is not being drawn). Flagged when it
 * runs out within {@link #WARNING_MONTHS} months.
 */
public record FundForecast(BigDecimal monthlyPayout, BigDecimal monthsLeft, boolean flagged) {

    /** A fund that lasts less than a year at the current pace needs topping up in the next budget. */
    public static final int WARNING_MONTHS = 12;
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    public static FundForecast of(BigDecimal balance, BigDecimal paidLastTwelveMonths) {
        if (paidLastTwelveMonths.signum() <= 0) {
            return new FundForecast(BigDecimal.ZERO.setScale(2), null, balance.signum() <= 0);
        }
        BigDecimal monthly = paidLastTwelveMonths.divide(TWELVE, 2, RoundingMode.HALF_UP);
        BigDecimal months = balance.max(BigDecimal.ZERO).divide(paidLastTwelveMonths, 6, RoundingMode.HALF_UP)
                .multiply(TWELVE).setScale(1, RoundingMode.HALF_UP);
        return new FundForecast(monthly, months, months.compareTo(BigDecimal.valueOf(WARNING_MONTHS)) < 0);
    }
}
