package cn.ipf.app.shared.money;

import java.math.BigDecimal;

/** Amounts in yuan as the platform stores them: DECIMAL(19,2), exact to the fen. */
public final class Yuan {

    private Yuan() {
    }

    /**
     * The amount with scale 2. More than two significant decimals is refused (400), not rounded: 0.001 would
     * otherwise become 0.00 and pass as a positive amount.
     */
    public static BigDecimal of(BigDecimal amount, String field) {
        return Decimals.atMost(amount, 2, field);
    }
}
