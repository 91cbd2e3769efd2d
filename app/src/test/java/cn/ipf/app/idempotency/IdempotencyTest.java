package cn.ipf.app.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.user.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Idempotency-Key mechanism through HTTP: replay, key reuse, in-flight duplicates, concurrency, stored 4xx,
 * caller scoping, key syntax, and the request's effect and audit event committing together.
 */
class IdempotencyTest extends IntegrationTest {

    private static final String BANKS = "/api/v1/admin/banks";
    private static final String REPLAYED = "Idempotent-Replayed";

    private static String bankCode() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
    }

    /** The exact bytes sent: replays must repeat them, so the body is built once as a string. */
    private static String newBank(String name, String bankCode) {
        return "{\"name\":\"" + name + "\",\"bankCode\":\"" + bankCode + "\"}";
    }

    private long banksWithCode(String bankCode) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bank WHERE bank_code = ?", Long.class, bankCode);
    }

    private long banksNamed(String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bank WHERE name = ?", Long.class, name);
    }

    private Http admin(String token, String key) {
        return http.with(token).header("Idempotency-Key", key);
    }

    @Test
    void anIdenticalRetryReplaysTheStoredResponseAndCreatesNothingMore() {
        String token = adminToken();
        String key = UUID.randomUUID().toString();
        String code = bankCode();
        String body = newBank(unique("银行"), code);

        Http.Response first = admin(token, key).send("POST", BANKS, body);
        Http.Response second = admin(token, key).send("POST", BANKS, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header(REPLAYED)).isNull();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header(REPLAYED)).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isNotNull().isEqualTo(first.header("Location"));
        assertThat(second.header("Content-Type")).startsWith("application/json");
        assertThat(banksWithCode(code)).isEqualTo(1);
    }

    @Test
    void anIdenticalRetryOfAUserCreationReplaysToo() {
        String token = adminToken();
        String key = UUID.randomUUID().toString();
        String username = unique("regulator");
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"监管员\",\"role\":\"REGULATOR\"}";

        Http.Response first = admin(token, key).send("POST", "/api/v1/admin/users", body);
        Http.Response second = admin(token, key).send("POST", "/api/v1/admin/users", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header(REPLAYED)).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Long.class, username))
                .isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndCreatesNothing() {
        String token = adminToken();
        String key = UUID.randomUUID().toString();
        String firstCode = bankCode();
        String otherCode = bankCode();
        String name = unique("银行");

        Http.Response first = admin(token, key).send("POST", BANKS, newBank(name, firstCode));
        Http.Response reused = admin(token, key).send("POST", BANKS, newBank(name, otherCode));

        assertThat(first.status()).isEqualTo(201);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(reused.header(REPLAYED)).isNull();
        assertThat(banksWithCode(otherCode)).isZero();
        assertThat(banksWithCode(firstCode)).isEqualTo(1);
    }

    @Test
    void theSameKeyOnAnotherPathIsRefused() {
        String token = adminToken();
        String key = UUID.randomUUID().toString();
        String code = bankCode();
        String body = newBank(unique("银行"), code);

        assertThat(admin(token, key).send("POST", BANKS, body).status()).isEqualTo(201);
        Http.Response elsewhere = admin(token, key).send("POST", BANKS + "?x=1", body);

        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(banksWithCode(code)).isEqualTo(1);
    }

    @Test
    void aRequestWhoseKeyIsStillInFlightIsRefusedAndAnAbandonedClaimIsTakenOver() throws Exception {
        String adminName = user(Role.ADMIN, null, null, null);
        String token = token(adminName);
        long adminId = userMapper.findByUsername(adminName).id();
        String key = UUID.randomUUID().toString();
        String code = bankCode();
        String body = newBank(unique("银行"), code);
        // what another request with this key and body holds while it runs
        jdbc.update("INSERT INTO idempotency_record (caller_scope, idem_key, request_hash, status, created_at,"
                + " locked_until, expires_at) VALUES (?, ?, ?, 'IN_PROGRESS', UTC_TIMESTAMP(6),"
                + " UTC_TIMESTAMP(6) + INTERVAL 10 MINUTE, UTC_TIMESTAMP(6) + INTERVAL 1 DAY)",
                "user:" + adminId, key, fingerprint("POST", BANKS, "", body));

        Http.Response inFlight = admin(token, key).send("POST", BANKS, body);

        assertThat(inFlight.status()).isEqualTo(409);
        assertThat(inFlight.code()).isEqualTo("IDEMPOTENCY_IN_PROGRESS");
        assertThat(banksWithCode(code)).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM idempotency_record WHERE caller_scope = ?"
                + " AND idem_key = ?", String.class, "user:" + adminId, key)).isEqualTo("IN_PROGRESS");

        // the holder died: once its lock has lapsed, a retry runs the request
        jdbc.update("UPDATE idempotency_record SET locked_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND"
                + " WHERE caller_scope = ? AND idem_key = ?", "user:" + adminId, key);

        Http.Response retried = admin(token, key).send("POST", BANKS, body);

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header(REPLAYED)).isNull();
        assertThat(banksWithCode(code)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM idempotency_record WHERE caller_scope = ?"
                + " AND idem_key = ?", String.class, "user:" + adminId, key)).isEqualTo("COMPLETED");
    }

    @Test
    void manyConcurrentIdenticalRequestsHaveExactlyOneEffect() throws Exception {
        String token = adminToken();
        String key = UUID.randomUUID().toString();
        String code = bankCode();
        String body = newBank(unique("银行"), code);
        int threads = 16;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Http.Response> responses = new ArrayList<>();
        try {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return admin(token, key).send("POST", BANKS, body);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            for (Future<Http.Response> f : futures) {
                responses.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(banksWithCode(code)).isEqualTo(1);
        List<Http.Response> created = responses.stream().filter(r -> r.status() == 201).toList();
        List<Http.Response> originals = created.stream().filter(r -> r.header(REPLAYED) == null).toList();
        assertThat(originals).as("the one request that ran").hasSize(1);
        assertThat(created).allSatisfy(r -> assertThat(r.body()).isEqualTo(originals.get(0).body()));
        assertThat(created).filteredOn(r -> r != originals.get(0))
                .allSatisfy(r -> assertThat(r.header(REPLAYED)).isEqualTo("true"));
        assertThat(responses).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.code()).isEqualTo("IDEMPOTENCY_IN_PROGRESS");
                });
        assertThat(responses).hasSize(threads);
    }

    @Autowired
    DataSource dataSource;

    /**
     * A request that loses a unique key to a concurrent insert gets 409 CONFLICT, a transient refusal: the key is
     * released, so a retry with the same key runs afresh instead of having the conflict replayed for 24 hours.
     */
    @Test
    void aConflictWithAConcurrentRequestIsNotReplayed() throws Exception {
        String token = adminToken();
        String key = UUID.randomUUID().toString();
        String code = bankCode();
        String body = newBank(unique("银行"), code);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Http.Response first;
        try (Connection blocker = dataSource.getConnection()) {
            // an uncommitted insert of the same bank code: the request's own check cannot see it, its insert waits
            blocker.setAutoCommit(false);
            try (PreparedStatement insert = blocker.prepareStatement(
                    "INSERT INTO bank (name, bank_code, created_at) VALUES ('blocker', ?, NOW(6))")) {
                insert.setString(1, code);
                insert.executeUpdate();
            }
            Future<Http.Response> pending = pool.submit(() -> admin(token, key).send("POST", BANKS, body));
            awaitLockWaitOn("bank");
            blocker.commit();
            first = pending.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(first.status()).as(first.toString()).isEqualTo(409);
        assertThat(first.code()).isEqualTo("CONFLICT");

        jdbc.update("DELETE FROM bank WHERE bank_code = ? AND name = 'blocker'", code);
        Http.Response retry = admin(token, key).send("POST", BANKS, body);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header(REPLAYED)).isNull();
        assertThat(banksWithCode(code)).isEqualTo(1);
        Http.Response replay = admin(token, key).send("POST", BANKS, body);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header(REPLAYED)).isEqualTo("true");
    }

    /** Bounded poll until another session has been waiting in a statement on the table for a while. */
    private void awaitLockWaitOn(String table) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            Long waiting = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                    + " WHERE COMMAND = 'Query' AND ID <> CONNECTION_ID() AND TIME_MS > 100 AND INFO LIKE ?",
                    Long.class, "%INSERT INTO " + table + " %");
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no request waited for the lock on " + table);
    }

    @Test
    void aValidationFailureIsStoredAndReplayedAndWritesNothing() {
        String token = adminToken();
        String key = UUID.randomUUID().toString();
        String name = unique("银行");
        String body = newBank(name, "not-a-code");

        Http.Response first = admin(token, key).send("POST", BANKS, body);
        Http.Response second = admin(token, key).send("POST", BANKS, body);

        assertThat(first.status()).isEqualTo(400);
        assertThat(first.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(first.header(REPLAYED)).isNull();
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.header(REPLAYED)).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        assertThat(banksNamed(name)).isZero();
    }

    @Test
    void aKeyBelongsToItsCaller() {
        String firstAdmin = adminToken();
        String secondAdmin = adminToken();
        long bankId = bank(firstAdmin);
        String key = UUID.randomUUID().toString();
        String appName = unique("app");
        String path = "/api/v1/admin/banks/" + bankId + "/apps";
        String body = "{\"name\":\"" + appName + "\"}";

        Http.Response mine = admin(firstAdmin, key).send("POST", path, body);
        Http.Response theirs = admin(secondAdmin, key).send("POST", path, body);

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header(REPLAYED)).isNull();
        assertThat(theirs.json().get("appId").asString()).isNotEqualTo(mine.json().get("appId").asString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_app WHERE bank_id = ? AND name = ?", Long.class,
                bankId, appName)).isEqualTo(2);
    }

    @Test
    void aKeyBelongsToItsCallerEvenForTheSameBank() {
        String firstAdmin = adminToken();
        String secondAdmin = adminToken();
        String key = UUID.randomUUID().toString();
        String code = bankCode();
        String body = newBank(unique("银行"), code);

        Http.Response mine = admin(firstAdmin, key).send("POST", BANKS, body);
        Http.Response theirs = admin(secondAdmin, key).send("POST", BANKS, body);

        // not a replay of the first admin's response: the second admin's request ran, and found the code taken
        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.header(REPLAYED)).isNull();
        assertThat(theirs.status()).isEqualTo(409);
        assertThat(theirs.code()).isEqualTo("BANK_CODE_TAKEN");
        assertThat(banksWithCode(code)).isEqualTo(1);
    }

    @Test
    void aReplayedSecretIsAsUncacheableAsTheOriginal() {
        String token = adminToken();
        long bankId = bank(token);
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/admin/banks/" + bankId + "/apps";
        String body = "{\"name\":\"" + unique("app") + "\"}";

        Http.Response issued = admin(token, key).send("POST", path, body);
        Http.Response replayed = admin(token, key).send("POST", path, body);

        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        assertThat(replayed.header(REPLAYED)).isEqualTo("true");
        assertThat(replayed.body()).isEqualTo(issued.body());
        // the replay hands out the same secret: it must not be cached on the way either
        assertThat(replayed.header("Cache-Control")).as("Cache-Control of the replay").isNotNull()
                .contains("no-store");
    }

    /** Uploads documented up to 16 MiB (a payment batch's result file) take a key too, beyond the 1 MiB signed limit. */
    @Test
    void anUploadLargerThanASignedRequestTakesAKey() {
        Http city = http.with(token(user(Role.CITY_REVIEWER, null, null, null)))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/octet-stream");
        String twoMiB = "x".repeat(2 * 1024 * 1024);

        Http.Response first = city.send("POST", "/api/v1/subsidy/payment-batches/999999999/result?format=csv",
                twoMiB);
        Http.Response retry = city.send("POST", "/api/v1/subsidy/payment-batches/999999999/result?format=csv",
                twoMiB);

        assertThat(first.status()).as(first.toString()).isEqualTo(404);
        assertThat(first.code()).isEqualTo("PAYMENT_BATCH_NOT_FOUND");
        assertThat(retry.status()).isEqualTo(404);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
    }

    @Test
    void malformedKeysAreRefused() {
        String token = adminToken();
        String code = bankCode();
        String body = newBank(unique("银行"), code);

        Http.Response tooLong = admin(token, "k".repeat(300)).send("POST", BANKS, body);
        Http.Response withSpace = admin(token, "two words").send("POST", BANKS, body);

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
        assertThat(withSpace.status()).isEqualTo(400);
        assertThat(withSpace.code()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
        assertThat(banksWithCode(code)).isZero();
        // the longest allowed key is fine
        assertThat(admin(token, "k".repeat(255)).send("POST", BANKS, body).status()).isEqualTo(201);
    }

    @Test
    void theEffectAndItsAuditEventCommitTogetherOnce() {
        String token = adminToken();
        String key = UUID.randomUUID().toString();
        String body = newBank(unique("银行"), bankCode());

        Http.Response created = admin(token, key).send("POST", BANKS, body);
        Http.Response replayed = admin(token, key).send("POST", BANKS, body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(replayed.header(REPLAYED)).isEqualTo("true");
        String bankId = String.valueOf(created.json().get("bankId").asLong());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'BANK'"
                + " AND entity_id = ?", Long.class, bankId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT action FROM audit_event WHERE entity_type = 'BANK'"
                + " AND entity_id = ?", String.class, bankId)).isEqualTo("BANK_CREATED");
        assertThat(jdbc.queryForObject("SELECT request_id FROM audit_event WHERE entity_type = 'BANK'"
                + " AND entity_id = ?", String.class, bankId)).isEqualTo(created.header("X-Request-Id"));
    }

    /** SHA-256 hex of method, path and query, each followed by a newline, then the body bytes. */
    private static String fingerprint(String method, String path, String query, String body) throws Exception {
        byte[] bytes = (method + "\n" + path + "\n" + query + "\n" + body).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
