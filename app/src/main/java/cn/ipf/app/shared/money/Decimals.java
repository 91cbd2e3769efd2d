package cn.ipf.app.shared.money;

import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import java.math.BigDecimal;
import java.util.List;

/** Decimal input at the precision it is stored with: more significant decimals are refused (400), never rounded. */
public final class Decimals {

    private Decimals() {
    }

    /** The value with exactly {@code places} decimals, or 400 VALIDATION_FAILED naming the field. */
    public static BigDecimal atMost(BigDecimal value, int places, String field) {
        if (value.stripTrailingZeros().scale() > places) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED,
                    List.of(new FieldViolation(field, "at most " + places + " decimal places")));
        }
        return value.setScale(places);
    }
}
