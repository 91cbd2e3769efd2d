package cn.ipf.app.audit.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The audit trail's hash chain: each event stores SHA-256 over the previous event's hash and its own canonical
 * content, so changing, removing or reordering any stored event breaks every link after it.
 *
 * <p>Canonical content: the fields below joined by {@code \n}, absent values as empty strings, the time as UTC with
 * microseconds; the hash is lower-case hex of SHA-256(previous hash + {@code \n} + canonical content).
 */
public final class AuditChain {

    public static final String GENESIS_HASH = "0".repeat(64);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /** One stored or to-be-stored audit event. */
    public record Event(long id, Instant occurredAt, String actorKind, String actorId, String actorRole,
            String action, String entityType, String entityId, String requestId, String summary, String prevHash,
            String hash) {
    }

    public static String canonical(Event e) {
        return String.join("\n", Long.toString(e.id()), TIME.format(e.occurredAt()), e.actorKind(), e.actorId(),
                nz(e.actorRole()), e.action(), e.entityType(), e.entityId(), nz(e.requestId()), e.summary());
    }

    public static String hash(String prevHash, Event e) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((prevHash + "\n" + canonical(e)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 unavailable", ex);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Why a link is broken. */
    public enum Break { EVENT_MISSING, PREVIOUS_HASH_MISMATCH, HASH_MISMATCH, CHAIN_TRUNCATED }

    /** The verdict over the whole chain. */
    public record Verdict(boolean valid, long eventsChecked, Long firstBrokenEventId, Break reason) {
    }

    /**
     * Walks the events in id order and remembers the first broken link; {@link #verdict} then compares the end of the
     * walk with the recorded chain head, which catches events removed from the end.
     */
    public static final class Verifier {
        private long expectedId = 1;
        private String expectedPrev = GENESIS_HASH;
        private long checked;
        private Long brokenId;
        private Break reason;

        public void accept(Event e) {
            checked++;
            if (brokenId != null) {
                return;
            }
            if (e.id() != expectedId) {
                fail(expectedId, Break.EVENT_MISSING);
            } else if (!Objects.equals(e.prevHash(), expectedPrev)) {
                fail(e.id(), Break.PREVIOUS_HASH_MISMATCH);
            } else if (!Objects.equals(e.hash(), hash(e.prevHash(), e))) {
                fail(e.id(), Break.HASH_MISMATCH);
            }
            expectedId = e.id() + 1;
            expectedPrev = e.hash();
        }

        public Verdict verdict(long headEventId, String headHash) {
            if (brokenId == null && (headEventId != expectedId - 1 || !headHash.equals(expectedPrev))) {
                fail(Math.min(headEventId, expectedId), Break.CHAIN_TRUNCATED);
            }
            return new Verdict(brokenId == null, checked, brokenId, reason);
        }

        private void fail(long id, Break why) {
            brokenId = id;
            reason = why;
        }
    }
}
