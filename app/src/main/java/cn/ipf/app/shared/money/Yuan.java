package cn.ipf.app.shared.money;

import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import java.math.BigDecimal;
import java.util.List;

/** Amounts in yuan as the platform stores them: DECIMAL(19,2), exact to the fen. */
public final class Yuan {

    private Yuan() {
    }

    /**
     * The amount with scale 2. More than two significant decimals is refused (400), not rounded: 0.001 would
     * otherwise become 0.00 and pass as a positive amount.
     */
    public static BigDecimal of(BigDecimal amount, String field) {
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED,
                    List.of(new FieldViolation(field, "at most 2 decimal places (fen)")));
        }
        return amount.setScale(2);
    }
}
