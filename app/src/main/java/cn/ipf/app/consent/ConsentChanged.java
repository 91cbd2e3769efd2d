package cn.ipf.app.consent;

/**
 * Published when a consent is granted or revoked, for what caches a bank's view of the library; {@code bankId} null
 * means the consent concerned all partner banks. Listeners act after commit.
 */
public record ConsentChanged(Long bankId) {
}
