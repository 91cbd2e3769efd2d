package cn.ipf.app.library.policy;

/**
 * 评分明细 one line of the screening score.
 *
 * @param criterion VALID_INVENTIONS, HIGH_VALUE_PATENTS, IPM_CERTIFICATION, HIGH_TECH, SPECIALIZED, CREDIT_RATING or
 *     DEMAND_FIT
 * @param maxPoints the most this criterion can give under the rules applied
 * @param basis short English explanation with the numbers, e.g. "3 valid invention patents ≥ 2 → 20"
 */
public record ScoreLine(String criterion, int points, int maxPoints, String basis) {
}
