package cn.ipf.app.consent;

/**
 * Published when a consent of the enterprise is granted or revoked, for what caches or pushes a bank's view of the
 * library; {@code bankId} null means the consent concerned all partner banks.
 */
public record ConsentChanged(long enterpriseId, Long bankId) {
}
