package cn.ipf.app.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How the console writes figures, in one place: money as {@code ¥1,234,567.89} or {@code 123.46万元}, dates as
 * {@code 2025-03-01}, shares as percentages. Templates call it as {@code ${@fmt.money(x)}}.
 */
@Component("fmt")
public class Formats {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    Formats(ZoneId businessZone) {
        this.zone = businessZone;
    }

    /** {@code ¥1,234,567.89}; empty for null. */
    public String money(BigDecimal amount) {
        return amount == null ? "" : (amount.signum() < 0 ? "-¥" : "¥") + grouped(amount.abs(), 2);
    }

    /** {@code 123.46万元} (万元 as Chinese reports give larger sums); empty for null. */
    public String wan(BigDecimal amount) {
        return amount == null ? "" : grouped(amount.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP), 2) + "万元";
    }

    /** {@code （123.46万元）} after an amount of at least 10 000 yuan, where 万元 helps reading it; else empty. */
    public String wanAside(BigDecimal amount) {
        return amount == null || amount.abs().compareTo(TEN_THOUSAND) < 0 ? "" : "（" + wan(amount) + "）";
    }

    /** {@code 2025-03-01}; an instant in the business zone, with the time when asked. */
    public String date(TemporalAccessor value) {
        if (value == null) {
            return "";
        }
        return value instanceof Instant i ? DATE.format(i.atZone(zone)) : DATE.format(value);
    }

    public String dateTime(Instant value) {
        return value == null ? "" : DATE_TIME.format(value.atZone(zone));
    }

    /** A share (0.60) as {@code 60%}, a rate (0.0345) as {@code 3.45%}. */
    public String percent(BigDecimal share) {
        return share == null ? "" : share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A rate given in percent (the LPR table's 3.1) as {@code 3.10%}, as the LPR is published. */
    public String percentFigure(BigDecimal percent) {
        return percent == null ? "" : percent.setScale(Math.max(2, percent.stripTrailingZeros().scale()),
                RoundingMode.UNNECESSARY).toPlainString() + "%";
    }


    private static String grouped(BigDecimal amount, int scale) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount.setScale(scale, RoundingMode.HALF_UP));
    }
}
