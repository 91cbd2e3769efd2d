package cn.ipf.app.compensation.policy;

import java.math.BigDecimal;

/**
 * One layer of a programme's loss sharing.
 *
 * @param code  upper-case identifier; a FUND layer draws from the programme's fund account with this code
 * @param share of the loss base, in (0, 1] with at most 4 decimals; the layers of a rule set sum to exactly 1
 */
public record Layer(String code, String name, LayerKind kind, BigDecimal share) {
}
