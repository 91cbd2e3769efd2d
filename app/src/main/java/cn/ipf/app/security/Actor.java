package cn.ipf.app.security;

/**
 * Who is acting on a request: a person (JWT), a bank system (signed request) or the system itself (jobs). Used for
 * authorization scoping, idempotency scope and the audit trail. Serializable: a console sign-in keeps it in the
 * session, which lives in Redis.
 */
public record Actor(Kind kind, String id, String role, Long bankId, Long enterpriseId, String districtCode)
        implements java.io.Serializable {

    public enum Kind { USER, BANK_APP, SYSTEM }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "system", null, null, null, null);

    /** The idempotency scope of this caller. */
    public String scope() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
