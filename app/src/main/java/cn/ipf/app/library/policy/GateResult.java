package cn.ipf.app.library.policy;

/**
 * 准入门槛结果 outcome of one hard gate of the screening.
 *
 * @param gate SME_SIZE, NOT_DISHONEST, VALID_PATENT or NO_RECENT_DEFAULT
 * @param reason short English explanation shown to reviewers
 */
public record GateResult(String gate, boolean passed, String reason) {
}
