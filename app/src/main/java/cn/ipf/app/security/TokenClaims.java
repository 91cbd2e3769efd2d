package cn.ipf.app.security;

/** Names of the claims the service puts in its access tokens besides {@code sub} (the user id). */
public final class TokenClaims {

    public static final String ISSUER = "ipf";
    public static final String USERNAME = "username";
    public static final String ROLE = "role";
    public static final String BANK_ID = "bank_id";
    public static final String ENTERPRISE_ID = "enterprise_id";
    public static final String DISTRICT_CODE = "district_code";

    private TokenClaims() {
    }
}
