package cn.ipf.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Consent events in the webhook outbox: a consent to one bank tells that bank, a consent to all partner banks tells
 * each of them once, a revocation says whether another standing consent still shares, a refused grant tells nobody.
 */
class ConsentEventsTest extends LibraryTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DISTRICT = "370203";

    @Test
    void consentsAreAnnouncedToTheBanksTheyConcern() throws Exception {
        String admin = adminToken();
        long bankA = bank(admin);
        long bankB = bank(admin);
        Person sme = person(Role.SME, null, null, null);
        long id = register(sme.token(), strongProfile(uscc(DISTRICT), DISTRICT)).get("enterpriseId").asLong();
        String consents = LIB + "/" + id + "/consents";

        long toA = http.with(sme.token()).post(consents, Map.of("bankId", bankA, "scopes", List.of("CREDIT")))
                .json().get("consentId").asLong();
        assertThat(events(bankA, id)).extracting(e -> e.get("type").asString()).containsExactly("consent.granted");
        JsonNode granted = events(bankA, id).get(0).get("data");
        assertThat(granted.get("consentId").asLong()).isEqualTo(toA);
        assertThat(granted.get("sharedScopes")).extracting(JsonNode::asString).containsExactly("PROFILE", "CREDIT");
        assertThat(events(bankB, id)).isEmpty();

        Http.Response toAll = http.with(sme.token()).post(consents, Map.of("scopes", List.of("IP_ASSETS")));
        long all = toAll.json().get("consentId").asLong();
        long banks = jdbc.queryForObject("SELECT COUNT(*) FROM bank", Long.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_event WHERE event_type = 'consent.granted'"
                + " AND payload LIKE ?", Long.class, "%\"consentId\":" + all + ",%")).isEqualTo(banks);
        assertThat(events(bankB, id)).hasSize(1);

        http.with(sme.token()).post(consents + "/" + toA + "/revocation", null);
        JsonNode revoked = events(bankA, id).get(2);
        assertThat(revoked.get("type").asString()).isEqualTo("consent.revoked");
        assertThat(revoked.get("data").get("stillShared").asBoolean())
                .as("the all-banks consent still shares with bank A").isTrue();
        assertThat(revoked.get("data").get("sharedScopes")).extracting(JsonNode::asString)
                .containsExactly("PROFILE", "IP_ASSETS");

        long before = count("webhook_event");
        assertThat(http.with(sme.token()).post(consents, Map.of("scopes", List.of("CREDIT"))).code())
                .isEqualTo("CONSENT_ALREADY_GIVEN");
        assertThat(count("webhook_event")).as("a refused grant tells nobody").isEqualTo(before);
    }

    /** The bank's events about the enterprise, oldest first. */
    private List<JsonNode> events(long bankId, long enterpriseId) {
        return jdbc.queryForList("SELECT payload FROM webhook_event WHERE bank_id = ? ORDER BY id", String.class,
                bankId).stream().map(JSON::readTree)
                .filter(e -> e.get("data").get("enterpriseId").asLong() == enterpriseId).toList();
    }
}
