package cn.ipf.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Data-sharing consent: the enterprise's own decision, one standing consent per scope, revocable, audited. */
class LibraryConsentTest extends LibraryTestSupport {

    private static final String DISTRICT = "370203";

    @Test
    void anSmeGrantsAndRevokesConsentPerBankOrForAll() {
        Person sme = person(Role.SME, null, null, null);
        long id = register(sme.token(), strongProfile(uscc(DISTRICT), DISTRICT)).get("enterpriseId").asLong();
        String consents = LIB + "/" + id + "/consents";

        Http.Response toBank1 = http.with(sme.token()).post(consents, Map.of("bankId", 1));
        assertThat(toBank1.status()).as(toBank1.toString()).isEqualTo(201);
        assertThat(toBank1.json().get("bankId").asLong()).isEqualTo(1);
        assertThat(toBank1.json().get("allBanks").asBoolean()).isFalse();
        assertThat(toBank1.json().get("active").asBoolean()).isTrue();
        assertThat(http.with(sme.token()).post(consents, Map.of("bankId", 1)).code())
                .isEqualTo("CONSENT_ALREADY_GIVEN");

        Http.Response toAll = http.with(sme.token()).post(consents, new HashMap<>());
        assertThat(toAll.status()).isEqualTo(201);
        assertThat(toAll.json().get("allBanks").asBoolean()).isTrue();
        assertThat(toAll.json().has("bankId")).isFalse();

        long first = toBank1.json().get("consentId").asLong();
        Http.Response revoked = http.with(sme.token()).post(consents + "/" + first + "/revocation", null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("active").asBoolean()).isFalse();
        assertThat(revoked.json().get("revokedAt").asString()).isNotBlank();
        assertThat(http.with(sme.token()).post(consents + "/" + first + "/revocation", null).code())
                .isEqualTo("CONSENT_ALREADY_REVOKED");
        assertThat(http.with(sme.token()).post(consents, Map.of("bankId", 1)).status())
                .as("a revoked consent can be given again").isEqualTo(201);

        JsonNode list = http.with(sme.token()).get(consents).json();
        assertThat(list).hasSize(3);
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE entity_type = 'ENTERPRISE'"
                + " AND entity_id = ? AND action LIKE 'CONSENT_%' ORDER BY id", String.class, String.valueOf(id)))
                .containsExactly("CONSENT_GRANTED", "CONSENT_GRANTED", "CONSENT_REVOKED", "CONSENT_GRANTED");
    }

    @Test
    void onlyTheEnterpriseItselfDecides() {
        Person sme = person(Role.SME, null, null, null);
        long id = register(sme.token(), strongProfile(uscc(DISTRICT), DISTRICT)).get("enterpriseId").asLong();
        String consents = LIB + "/" + id + "/consents";
        long before = count("data_sharing_consent");

        assertThat(http.with(sme.token()).post(consents, Map.of("bankId", 987654)).code()).isEqualTo("BANK_UNKNOWN");
        String reviewer = districtReviewer(DISTRICT).token();
        assertThat(http.with(reviewer).post(consents, Map.of("bankId", 1)).code()).isEqualTo("FORBIDDEN");
        assertThat(http.with(reviewer).get(consents).status()).as("reviewers may read").isEqualTo(200);
        Person otherSme = person(Role.SME, null, null, null);
        assertThat(http.with(otherSme.token()).post(consents, Map.of("bankId", 1)).code())
                .isEqualTo("ENTERPRISE_NOT_FOUND");
        assertThat(count("data_sharing_consent")).isEqualTo(before);
    }
}
