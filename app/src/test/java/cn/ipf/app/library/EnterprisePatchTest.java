package cn.ipf.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A profile changes field by field with PATCH; the USCC, which cannot change, is not resent. */
class EnterprisePatchTest extends LibraryTestSupport {

    private static final String DISTRICT = "370202";

    @Test
    void patchChangesOnlyTheFieldsSentAndChecksThemLikeAFullUpdate() {
        Person sme = person(Role.SME, null, null, null);
        Map<String, Object> profile = strongProfile(uscc(DISTRICT), DISTRICT);
        JsonNode registered = register(sme.token(), profile);
        long id = registered.get("enterpriseId").asLong();
        String path = LIB + "/" + id;

        Http.Response patched = http.with(sme.token()).patch(path, Map.of("employees", 80, "highTech", false));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("employees").asInt()).isEqualTo(80);
        assertThat(patched.json().get("highTech").asBoolean()).isFalse();
        for (String kept : new String[] {"uscc", "name", "districtCode", "industryCode", "annualRevenue",
            "legalRepresentativeIdMasked", "ipmCertificateNo"}) {
            assertThat(patched.json().get(kept)).as(kept).isEqualTo(registered.get(kept));
        }
        assertThat(jdbc.queryForObject("SELECT summary FROM audit_event WHERE action = 'ENTERPRISE_UPDATED' "
                + "AND entity_id = ? ORDER BY id DESC LIMIT 1", String.class, String.valueOf(id)))
                .contains("employees").contains("highTech").doesNotContain("name");

        Http.Response unknownDistrict = http.with(sme.token()).patch(path, Map.of("districtCode", "379999",
                "employees", 90));
        assertThat(unknownDistrict.code()).isEqualTo("DISTRICT_UNKNOWN");
        assertThat(enterprise(sme.token(), id).get("employees").asInt()).as("nothing written").isEqualTo(80);
        assertThat(http.with(sme.token()).patch(path, Map.of("employees", -1)).code())
                .isEqualTo("VALIDATION_FAILED");

        Person other = person(Role.SME, null, null, null);
        assertThat(http.with(other.token()).patch(path, Map.of("employees", 1)).status()).isEqualTo(404);
    }
}
