package cn.ipf.app.idempotency.policy;

import java.util.Set;

/**
 * 幂等重放 which outcomes of a request are kept under its Idempotency-Key and replayed to a retry, following the IETF
 * Idempotency-Key draft (draft-ietf-httpapi-idempotency-key-header): the outcome of a request that ran to its end is
 * the answer to every retry, success or error; an outcome that says "not now" is not an outcome of the request, so
 * the key is released and a retry runs afresh.
 *
 * <p>Kept: every 2xx and 3xx, and every 4xx that the same request would get again (bad input, a business rule, a
 * missing resource). Released: every 5xx, 408, 425 and 429, and the 409s that only a concurrent request caused
 * (a lock conflict, a unique key lost to a concurrent insert, a duplicate still in flight).
 */
public final class ReplayPolicy {

    /**
     * Problem codes of conflicts with a concurrent request: a retry may well succeed. Names of ErrorCode constants
     * (which this pure package cannot import); ReplayPolicyTest checks that each is one, with status 409.
     */
    static final Set<String> TRANSIENT_CODES = Set.of("CONCURRENT_UPDATE", "CONFLICT",
            "IDEMPOTENCY_IN_PROGRESS");

    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 425, 429);

    private ReplayPolicy() {
    }

    /** Whether the response ({@code problemCode} is null unless it is a problem) is stored for replay. */
    public static boolean kept(int status, String problemCode) {
        if (status >= 500 || TRANSIENT_STATUSES.contains(status)) {
            return false;
        }
        return !(status == 409 && problemCode != null && TRANSIENT_CODES.contains(problemCode));
    }
}
