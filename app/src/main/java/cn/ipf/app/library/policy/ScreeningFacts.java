package cn.ipf.app.library.policy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * 筛选事实 what the screening looks at, gathered by the service on the evaluation date.
 *
 * @param creditRating latest recorded credit rating, null when none
 * @param openDemandAmount the open financing demand in yuan, null when there is none
 * @param pledgeableValue latest appraised value in yuan of the valid assets the enterprise owns, ZERO when none
 */
public record ScreeningFacts(
        SizeClass sizeClass,
        boolean dishonestyListed,
        int validInventionPatents,
        int validUtilityModelPatents,
        int validHighValuePatents,
        boolean ipmCertified,
        boolean highTech,
        boolean specialized,
        String creditRating,
        boolean defaultedLoanWithinLookback,
        BigDecimal openDemandAmount,
        BigDecimal pledgeableValue) {

    public ScreeningFacts {
        Objects.requireNonNull(sizeClass, "sizeClass");
        Objects.requireNonNull(pledgeableValue, "pledgeableValue");
        if (validInventionPatents < 0 || validUtilityModelPatents < 0 || validHighValuePatents < 0) {
            throw new IllegalArgumentException("patent counts must not be negative");
        }
        if (pledgeableValue.signum() < 0 || (openDemandAmount != null && openDemandAmount.signum() < 0)) {
            throw new IllegalArgumentException("amounts must not be negative");
        }
    }
}
