package cn.ipf.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.user.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail through HTTP: changes made through the API are recorded with who, what and which request; a
 * regulator can search them and verify the hash chain, which names the first event altered or removed with SQL.
 *
 * <p>The database is shared with other test classes: every test that damages the chain repairs it in a finally block.
 */
class AuditChainTest extends IntegrationTest {

    private static final String EVENTS = "/api/v1/regulator/audit-events";
    private static final String VERIFICATION = "/api/v1/regulator/audit-events/verification";

    private Http regulator() {
        return http.with(token(user(Role.REGULATOR, null, null, null)));
    }

    /** Creates a user through the admin API and returns the response. */
    private Http.Response createUser(String adminToken, String username) {
        Http.Response r = http.with(adminToken).post("/api/v1/admin/users", Map.of("username", username,
                "password", PASSWORD, "displayName", "审计测试", "role", "CITY_REVIEWER"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private static JsonNode verdict(Http regulator) {
        Http.Response r = regulator.get(VERIFICATION);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<JsonNode> items(Http.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return StreamSupport.stream(page.json().get("items").spliterator(), false).toList();
    }

    private static String query(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    private long eventIdOf(String entityType, String entityId) {
        return jdbc.queryForObject("SELECT id FROM audit_event WHERE entity_type = ? AND entity_id = ?", Long.class,
                entityType, entityId);
    }

    @Test
    void changesThroughTheApiLeaveAValidChain() {
        String admin = adminToken();
        createUser(admin, unique("cr"));
        bank(admin);
        Http regulator = regulator();

        JsonNode verdict = verdict(regulator);

        assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("eventsChecked").asLong()).isEqualTo(count("audit_event"));
        assertThat(verdict.has("firstBrokenEventId")).isFalse();
        assertThat(verdict.has("reason")).isFalse();
    }

    @Test
    void anEventAlteredWithSqlIsNamedAsTheFirstBrokenLink() {
        String admin = adminToken();
        Http.Response created = createUser(admin, unique("cr"));
        bank(admin); // a later event, so that the altered one is not the last
        long tampered = eventIdOf("USER", String.valueOf(created.json().get("userId").asLong()));
        Http regulator = regulator();
        String original = jdbc.queryForObject("SELECT summary FROM audit_event WHERE id = ?", String.class, tampered);

        JsonNode verdict;
        try {
            jdbc.update("UPDATE audit_event SET summary = '{\"tampered\":true}' WHERE id = ?", tampered);
            verdict = verdict(regulator);
        } finally {
            jdbc.update("UPDATE audit_event SET summary = ? WHERE id = ?", original, tampered);
        }

        assertThat(verdict.get("valid").asBoolean()).isFalse();
        assertThat(verdict.get("firstBrokenEventId").asLong()).isEqualTo(tampered);
        assertThat(verdict.get("reason").asString()).isEqualTo("HASH_MISMATCH");
        assertThat(verdict(regulator).get("valid").asBoolean()).as("repaired").isTrue();
    }

    @Test
    void aForgedHashIsCaughtByTheNextEvent() {
        String admin = adminToken();
        long bankId = bank(admin);
        bank(admin);
        long forged = eventIdOf("BANK", String.valueOf(bankId));
        Http regulator = regulator();
        String original = jdbc.queryForObject("SELECT hash FROM audit_event WHERE id = ?", String.class, forged);

        JsonNode verdict;
        try {
            // someone who rewrites an event and recomputes its hash still breaks the next event's link
            jdbc.update("UPDATE audit_event SET hash = ? WHERE id = ?", "f".repeat(64), forged);
            verdict = verdict(regulator);
        } finally {
            jdbc.update("UPDATE audit_event SET hash = ? WHERE id = ?", original, forged);
        }

        assertThat(verdict.get("valid").asBoolean()).isFalse();
        assertThat(verdict.get("firstBrokenEventId").asLong()).isEqualTo(forged);
        assertThat(verdict.get("reason").asString()).isEqualTo("HASH_MISMATCH");
        assertThat(verdict(regulator).get("valid").asBoolean()).as("repaired").isTrue();
    }

    @Test
    void aDeletedLastEventIsATruncatedChain() {
        String admin = adminToken();
        bank(admin);
        Http regulator = regulator();
        long last = jdbc.queryForObject("SELECT last_event_id FROM audit_chain_head WHERE id = 1", Long.class);
        // every column as text, so that restoring it cannot shift a time zone or a fraction of a second
        JsonNode verdict = verdictWithout(last, regulator);

        assertThat(verdict.get("valid").asBoolean()).isFalse();
        assertThat(verdict.get("firstBrokenEventId").asLong()).isEqualTo(last);
        assertThat(verdict.get("reason").asString()).isEqualTo("CHAIN_TRUNCATED");
        assertThat(verdict(regulator).get("valid").asBoolean()).as("repaired").isTrue();
    }

    @Test
    void aDeletedEventInTheMiddleIsMissing() {
        String admin = adminToken();
        long bankId = bank(admin);
        bank(admin);
        long removed = eventIdOf("BANK", String.valueOf(bankId));
        Http regulator = regulator();
        JsonNode verdict = verdictWithout(removed, regulator);

        assertThat(verdict.get("valid").asBoolean()).isFalse();
        assertThat(verdict.get("firstBrokenEventId").asLong()).isEqualTo(removed);
        assertThat(verdict.get("reason").asString()).isEqualTo("EVENT_MISSING");
        assertThat(verdict(regulator).get("valid").asBoolean()).as("repaired").isTrue();
    }

    @Test
    void onlyRegulatorsAndAdminsMayVerify() {
        String reviewer = token(user(Role.CITY_REVIEWER, null, null, null));

        assertThat(http.with(reviewer).get(VERIFICATION).code()).isEqualTo("FORBIDDEN");
        assertThat(http.get(VERIFICATION).code()).isEqualTo("UNAUTHENTICATED");
        assertThat(http.with(adminToken()).get(VERIFICATION).status()).isEqualTo(200);
    }

    @Test
    void anEventIsFoundByItsEntityWithWhoWhatAndWhichRequest() {
        String adminName = user(Role.ADMIN, null, null, null);
        long adminId = userMapper.findByUsername(adminName).id();
        String username = unique("cr");
        Http.Response created = createUser(token(adminName), username);
        String userId = String.valueOf(created.json().get("userId").asLong());

        List<JsonNode> found = items(regulator().get(EVENTS + "?entityType=USER&entityId=" + userId));

        assertThat(found).hasSize(1);
        JsonNode event = found.get(0);
        assertThat(event.get("action").asString()).isEqualTo("USER_CREATED");
        assertThat(event.get("entityType").asString()).isEqualTo("USER");
        assertThat(event.get("entityId").asString()).isEqualTo(userId);
        assertThat(event.get("actorKind").asString()).isEqualTo("USER");
        assertThat(event.get("actorId").asString()).isEqualTo(String.valueOf(adminId));
        assertThat(event.get("actorRole").asString()).isEqualTo("ADMIN");
        assertThat(event.get("requestId").asString()).isEqualTo(created.header("X-Request-Id"));
        assertThat(event.get("summary").asString()).contains("\"username\":\"" + username + "\"")
                .contains("\"role\":\"CITY_REVIEWER\"").doesNotContain(PASSWORD);
        assertThat(event.get("hash").asString()).hasSize(64);
        assertThat(event.get("previousHash").asString()).hasSize(64).isNotEqualTo(event.get("hash").asString());
        assertThat(OffsetDateTime.parse(event.get("occurredAt").asString()).toInstant())
                .isBetween(Instant.now().minusSeconds(300), Instant.now().plusSeconds(5));
    }

    @Test
    void eventsAreFilteredByActionAndTime() {
        String adminName = user(Role.ADMIN, null, null, null);
        String adminId = String.valueOf(userMapper.findByUsername(adminName).id());
        String admin = token(adminName);
        long bankId = bank(admin);
        long appBank = bank(admin);
        app(admin, appBank, null);
        Http regulator = regulator();

        List<JsonNode> banksCreated = items(regulator.get(EVENTS + "?actorId=" + adminId + "&action=BANK_CREATED"));
        List<JsonNode> appsCreated = items(regulator.get(EVENTS + "?actorId=" + adminId
                + "&action=BANK_APP_CREATED"));

        assertThat(banksCreated).extracting(e -> e.get("entityId").asString())
                .containsExactly(String.valueOf(appBank), String.valueOf(bankId));
        assertThat(appsCreated).hasSize(1);
        assertThat(appsCreated.get(0).get("action").asString()).isEqualTo("BANK_APP_CREATED");

        JsonNode event = items(regulator.get(EVENTS + "?entityType=BANK&entityId=" + bankId)).get(0);
        Instant occurred = OffsetDateTime.parse(event.get("occurredAt").asString()).toInstant();
        String entity = EVENTS + "?entityType=BANK&entityId=" + bankId;
        assertThat(items(regulator.get(entity + "&from=" + query(occurred)))).as("from is inclusive").hasSize(1);
        assertThat(items(regulator.get(entity + "&to=" + query(occurred)))).as("to is exclusive").isEmpty();
        assertThat(items(regulator.get(entity + "&from=" + query(occurred.minusSeconds(60)) + "&to="
                + query(occurred.plusSeconds(60))))).hasSize(1);
        assertThat(items(regulator.get(entity + "&from=" + query(occurred.plusNanos(1000))))).isEmpty();
        assertThat(items(regulator.get(entity + "&to=" + query(occurred.plusNanos(1000))))).hasSize(1);
    }

    @Test
    void resultsArePagedNewestFirstByCursor() {
        String adminName = user(Role.ADMIN, null, null, null);
        String adminId = String.valueOf(userMapper.findByUsername(adminName).id());
        String admin = token(adminName);
        long first = bank(admin);
        long second = bank(admin);
        long third = bank(admin);
        Http regulator = regulator();
        String query = EVENTS + "?actorId=" + adminId + "&action=BANK_CREATED&size=2";

        Http.Response page0 = regulator.get(query);
        String cursor = page0.json().get("nextCursor").asString();
        // an event recorded meanwhile does not shift the next page (it would with OFFSET)
        bank(admin);
        Http.Response page1 = regulator.get(query + "&cursor=" + cursor);

        assertThat(items(page0)).extracting(e -> e.get("entityId").asString())
                .containsExactly(String.valueOf(third), String.valueOf(second));
        assertThat(items(page1)).extracting(e -> e.get("entityId").asString())
                .containsExactly(String.valueOf(first));
        assertThat(page0.json().has("page")).as("no offset and no count").isFalse();
        assertThat(page1.json().has("nextCursor")).as("the last page").isFalse();
    }

    @Test
    void pagingOutsideTheContractsBoundsIsAValidationFailure() {
        Http regulator = regulator();

        for (String query : List.of("?size=0", "?size=201", "?cursor=-1", "?cursor=abc", "?cursor=0",
                "?cursor=9999999999999999999")) {
            Http.Response r = regulator.get(EVENTS + query);
            assertThat(r.status()).as(query + " -> " + r).isEqualTo(400);
            assertThat(r.code()).as(query).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void anUnreadableTimeIsAParameterProblem() {
        Http.Response r = regulator().get(EVENTS + "?from=yesterday");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("PARAMETER_INVALID");
    }

    /** The verdict while one event is deleted; the row is put back exactly as it was afterwards. */
    private JsonNode verdictWithout(long eventId, Http regulator) {
        Map<String, Object> row = jdbc.queryForMap("SELECT id, DATE_FORMAT(occurred_at, '%Y-%m-%d %H:%i:%s.%f')"
                + " AS occurred_at, actor_kind, actor_id, actor_role, action, entity_type, entity_id, request_id,"
                + " summary, prev_hash, hash FROM audit_event WHERE id = ?", eventId);
        try {
            assertThat(jdbc.update("DELETE FROM audit_event WHERE id = ?", eventId)).isEqualTo(1);
            return verdict(regulator);
        } finally {
            jdbc.update("INSERT INTO audit_event (id, occurred_at, actor_kind, actor_id, actor_role, action,"
                    + " entity_type, entity_id, request_id, summary, prev_hash, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("id"), row.get("occurred_at"),
                    row.get("actor_kind"), row.get("actor_id"), row.get("actor_role"), row.get("action"),
                    row.get("entity_type"), row.get("entity_id"), row.get("request_id"), row.get("summary"),
                    row.get("prev_hash"), row.get("hash"));
        }
    }
}
