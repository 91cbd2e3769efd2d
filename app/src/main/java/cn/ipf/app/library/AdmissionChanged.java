package cn.ipf.app.library;

/**
 * Published when an enterprise enters or leaves the library's admitted set (admitted, suspended, removed) or is
 * recommended, for what caches or pushes a bank's view of the library.
 */
public record AdmissionChanged(long enterpriseId) {
}
