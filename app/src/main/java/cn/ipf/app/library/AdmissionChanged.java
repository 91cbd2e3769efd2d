package cn.ipf.app.library;

/**
 * Published when an enterprise enters or leaves the library's admitted set (admitted, suspended, removed), for what
 * caches a bank's view of the library. Listeners act after commit.
 */
public record AdmissionChanged(long enterpriseId) {
}
