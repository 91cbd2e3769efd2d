package cn.ipf.app.whitelist;

/** A standing consent of an enterprise as the whitelist reads it: bank scope 0 = every partner bank. */
public record StandingConsentRow(long bankScope, String dataScopes) {
}
