package cn.ipf.app.audit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.audit.policy.AuditChain.Break;
import cn.ipf.app.audit.policy.AuditChain.Event;
import cn.ipf.app.audit.policy.AuditChain.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The hash chain on its own: canonical form, hashing, and every way the verifier names a broken link. */
class AuditChainPolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:30:00.123456Z");

    /** An event as AuditTrail would store it: hash computed over the previous hash and the canonical content. */
    private static Event sealed(long id, Instant at, String actorRole, String action, String requestId,
            String summary, String prevHash) {
        Event draft = new Event(id, at, "USER", "42", actorRole, action, "BANK", String.valueOf(id), requestId,
                summary, prevHash, null);
        return withHash(draft, AuditChain.hash(prevHash, draft));
    }

    private static Event withHash(Event e, String hash) {
        return new Event(e.id(), e.occurredAt(), e.actorKind(), e.actorId(), e.actorRole(), e.action(),
                e.entityType(), e.entityId(), e.requestId(), e.summary(), e.prevHash(), hash);
    }

    private static List<Event> chainOfThree() {
        Event first = sealed(1, T0, "ADMIN", "BANK_CREATED", "req-1", "{\"name\":\"a\"}", AuditChain.GENESIS_HASH);
        Event second = sealed(2, T0.plusSeconds(1), "ADMIN", "BANK_CREATED", "req-2", "{\"name\":\"b\"}",
                first.hash());
        Event third = sealed(3, T0.plusSeconds(2), null, "BANK_APP_CREATED", null, "{}", second.hash());
        return List.of(first, second, third);
    }

    private static Verdict verify(List<Event> events, long headId, String headHash) {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        events.forEach(verifier::accept);
        return verifier.verdict(headId, headHash);
    }

    private static Verdict verify(List<Event> events) {
        Event last = events.get(events.size() - 1);
        return verify(events, last.id(), last.hash());
    }

    /** The chain with event {@code index} replaced by {@code change} applied to it (its stored hashes kept). */
    private static List<Event> altered(int index, UnaryOperator<Event> change) {
        List<Event> events = new ArrayList<>(chainOfThree());
        events.set(index, change.apply(events.get(index)));
        return events;
    }

    @Test
    void anUntouchedChainIsValid() {
        Verdict verdict = verify(chainOfThree());

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.eventsChecked()).isEqualTo(3);
        assertThat(verdict.firstBrokenEventId()).isNull();
        assertThat(verdict.reason()).isNull();
    }

    @Test
    void anEmptyChainAtGenesisIsValid() {
        Verdict verdict = verify(List.of(), 0, AuditChain.GENESIS_HASH);

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.eventsChecked()).isZero();
    }

    @Test
    void changingAnyFieldBreaksTheChainAtThatEvent() {
        List<UnaryOperator<Event>> changes = List.of(
                e -> new Event(e.id(), e.occurredAt().plusNanos(1000), e.actorKind(), e.actorId(), e.actorRole(),
                        e.action(), e.entityType(), e.entityId(), e.requestId(), e.summary(), e.prevHash(), e.hash()),
                e -> new Event(e.id(), e.occurredAt(), "SYSTEM", e.actorId(), e.actorRole(), e.action(),
                        e.entityType(), e.entityId(), e.requestId(), e.summary(), e.prevHash(), e.hash()),
                e -> new Event(e.id(), e.occurredAt(), e.actorKind(), "43", e.actorRole(), e.action(),
                        e.entityType(), e.entityId(), e.requestId(), e.summary(), e.prevHash(), e.hash()),
                e -> new Event(e.id(), e.occurredAt(), e.actorKind(), e.actorId(), "REGULATOR", e.action(),
                        e.entityType(), e.entityId(), e.requestId(), e.summary(), e.prevHash(), e.hash()),
                e -> new Event(e.id(), e.occurredAt(), e.actorKind(), e.actorId(), e.actorRole(), "BANK_DELETED",
                        e.entityType(), e.entityId(), e.requestId(), e.summary(), e.prevHash(), e.hash()),
                e -> new Event(e.id(), e.occurredAt(), e.actorKind(), e.actorId(), e.actorRole(), e.action(),
                        "USER", e.entityId(), e.requestId(), e.summary(), e.prevHash(), e.hash()),
                e -> new Event(e.id(), e.occurredAt(), e.actorKind(), e.actorId(), e.actorRole(), e.action(),
                        e.entityType(), "999", e.requestId(), e.summary(), e.prevHash(), e.hash()),
                e -> new Event(e.id(), e.occurredAt(), e.actorKind(), e.actorId(), e.actorRole(), e.action(),
                        e.entityType(), e.entityId(), "req-forged", e.summary(), e.prevHash(), e.hash()),
                e -> new Event(e.id(), e.occurredAt(), e.actorKind(), e.actorId(), e.actorRole(), e.action(),
                        e.entityType(), e.entityId(), e.requestId(), "{\"tampered\":true}", e.prevHash(),
                        e.hash()));

        for (int field = 0; field < changes.size(); field++) {
            Verdict verdict = verify(altered(1, changes.get(field)));
            assertThat(verdict.valid()).as("change %d", field).isFalse();
            assertThat(verdict.firstBrokenEventId()).as("change %d", field).isEqualTo(2L);
            assertThat(verdict.reason()).as("change %d", field).isEqualTo(Break.HASH_MISMATCH);
            assertThat(verdict.eventsChecked()).as("change %d", field).isEqualTo(3);
        }
    }

    @Test
    void aForgedStoredHashBreaksTheLinkToTheNextEvent() {
        // rewriting event 2's hash to match its altered content is caught by event 3's prevHash
        List<Event> events = altered(1, e -> {
            Event changed = new Event(e.id(), e.occurredAt(), e.actorKind(), e.actorId(), e.actorRole(), e.action(),
                    e.entityType(), e.entityId(), e.requestId(), "{\"tampered\":true}", e.prevHash(), null);
            return withHash(changed, AuditChain.hash(changed.prevHash(), changed));
        });

        Verdict verdict = verify(events);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenEventId()).isEqualTo(3L);
        assertThat(verdict.reason()).isEqualTo(Break.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void aGapInIdsIsAMissingEvent() {
        List<Event> events = chainOfThree();

        Verdict verdict = verify(List.of(events.get(0), events.get(2)));

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenEventId()).isEqualTo(2L);
        assertThat(verdict.reason()).isEqualTo(Break.EVENT_MISSING);
    }

    @Test
    void aMissingFirstEventIsNamed() {
        List<Event> events = chainOfThree();

        Verdict verdict = verify(events.subList(1, 3));

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenEventId()).isEqualTo(1L);
        assertThat(verdict.reason()).isEqualTo(Break.EVENT_MISSING);
    }

    @Test
    void aWrongPreviousHashIsNamed() {
        List<Event> events = altered(2, e -> {
            Event relinked = new Event(e.id(), e.occurredAt(), e.actorKind(), e.actorId(), e.actorRole(), e.action(),
                    e.entityType(), e.entityId(), e.requestId(), e.summary(), AuditChain.GENESIS_HASH, null);
            // its own hash is consistent with the wrong prevHash: only the link is broken
            return withHash(relinked, AuditChain.hash(relinked.prevHash(), relinked));
        });

        Verdict verdict = verify(events);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenEventId()).isEqualTo(3L);
        assertThat(verdict.reason()).isEqualTo(Break.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void aHeadBeyondTheLastEventIsATruncatedChain() {
        List<Event> events = chainOfThree();
        Event third = events.get(2);

        Verdict verdict = verify(events.subList(0, 2), third.id(), third.hash());

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenEventId()).isEqualTo(3L);
        assertThat(verdict.reason()).isEqualTo(Break.CHAIN_TRUNCATED);
        assertThat(verdict.eventsChecked()).isEqualTo(2);
    }

    @Test
    void aHeadWhoseHashDiffersFromTheLastEventIsATruncatedChain() {
        List<Event> events = chainOfThree();

        Verdict verdict = verify(events, 3, AuditChain.GENESIS_HASH);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.reason()).isEqualTo(Break.CHAIN_TRUNCATED);
    }

    @Test
    void everythingRemovedBehindAHeadIsATruncatedChain() {
        Event only = chainOfThree().get(0);

        Verdict verdict = verify(List.of(), only.id(), only.hash());

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenEventId()).isEqualTo(1L);
        assertThat(verdict.reason()).isEqualTo(Break.CHAIN_TRUNCATED);
    }

    @Test
    void theFirstBrokenLinkIsReportedNotALaterOne() {
        List<Event> events = new ArrayList<>(altered(0, e -> new Event(e.id(), e.occurredAt(), e.actorKind(),
                e.actorId(), e.actorRole(), e.action(), e.entityType(), e.entityId(), e.requestId(), "{}",
                e.prevHash(), e.hash())));
        events.remove(2);

        Verdict verdict = verify(events, 3, chainOfThree().get(2).hash());

        assertThat(verdict.firstBrokenEventId()).isEqualTo(1L);
        assertThat(verdict.reason()).isEqualTo(Break.HASH_MISMATCH);
    }

    @Test
    void theCanonicalFormIsTheDocumentedOne() {
        Event event = new Event(1, T0, "USER", "42", "ADMIN", "BANK_CREATED", "BANK", "7", "req-1",
                "{\"bankCode\":\"123456789012\",\"name\":\"青岛银行\"}", AuditChain.GENESIS_HASH, null);

        assertThat(AuditChain.canonical(event)).isEqualTo("1\n2026-03-01T08:30:00.123456Z\nUSER\n42\nADMIN\n"
                + "BANK_CREATED\nBANK\n7\nreq-1\n{\"bankCode\":\"123456789012\",\"name\":\"青岛银行\"}");
        // printf '%s\n1\n2026-03-01T08:30:00.123456Z\nUSER\n42\nADMIN\nBANK_CREATED\nBANK\n7\nreq-1\n{...}' $GENESIS
        //   | sha256sum
        assertThat(AuditChain.hash(AuditChain.GENESIS_HASH, event))
                .isEqualTo("0df14d90d758e70646ca07bf92927518b70206f74e376f906f66726eb6442602");
    }

    @Test
    void absentValuesAreEmptyAndWholeSecondsKeepSixDigits() {
        Event event = new Event(2, Instant.parse("2026-03-01T08:30:01Z"), "SYSTEM", "system", null, "USER_LOCKED",
                "USER", "5", null, "{\"failures\":5}", null, null);
        String previous = "0df14d90d758e70646ca07bf92927518b70206f74e376f906f66726eb6442602";

        assertThat(AuditChain.canonical(event))
                .isEqualTo("2\n2026-03-01T08:30:01.000000Z\nSYSTEM\nsystem\n\nUSER_LOCKED\nUSER\n5\n\n{\"failures\":5}");
        // computed independently with printf ... | sha256sum
        assertThat(AuditChain.hash(previous, event))
                .isEqualTo("4bbb423828f0a1d8c1b2cfc4a32fba0454f682e54eabc9dcc0a09be0094f6056");
    }

    @Test
    void theGenesisHashIsSixtyFourZeros() {
        assertThat(AuditChain.GENESIS_HASH).hasSize(64).matches("0+");
    }
}
