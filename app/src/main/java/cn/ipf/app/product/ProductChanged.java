package cn.ipf.app.product;

/**
 * Published when a bank's product is revised or withdrawn, for what keeps the bank's products: which version is
 * current (or whether any is) has changed.
 */
public record ProductChanged(long bankId) {
}
