package cn.ipf.app.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Region management through HTTP: list, add, rename, retire, and what a retired district still allows. */
class AdminRegionsTest extends LibraryTestSupport {

    private static final String REGIONS = "/api/v1/admin/regions";
    private static final String NEW_DISTRICT = "370271";

    @Test
    void adminsAddRenameAndRetireDistrictsAndARetiredCodeStaysValidForHistoryOnly() {
        String admin = adminToken();
        assertThat(http.with(token(user(Role.REGULATOR, null, null, null))).get(REGIONS).status()).isEqualTo(403);

        JsonNode all = http.with(admin).get(REGIONS).json();
        JsonNode shinan = find(all, "370202");
        assertThat(shinan.get("name").asString()).isEqualTo("市南区");
        assertThat(shinan.get("level").asString()).isEqualTo("DISTRICT");
        assertThat(shinan.get("parentCode").asString()).isEqualTo("370200");
        assertThat(shinan.get("retired").asBoolean()).isFalse();
        assertThat(find(all, "370200").get("level").asString()).isEqualTo("CITY");

        // refused: a code outside its city, an unknown city, a taken code; nothing written
        long regions = count("region");
        Http.Response outside = http.with(admin).post(REGIONS,
                Map.of("code", "370371", "name", "错区", "parentCode", "370200"));
        assertThat(outside.status()).as(outside.toString()).isEqualTo(400);
        assertThat(outside.code()).isEqualTo("REGION_INVALID");
        assertThat(http.with(admin).post(REGIONS, Map.of("code", "379901", "name", "无", "parentCode", "379900"))
                .code()).isEqualTo("REGION_INVALID");
        Http.Response taken = http.with(admin).post(REGIONS,
                Map.of("code", "370202", "name", "市南区", "parentCode", "370200"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("REGION_CODE_TAKEN");
        assertThat(http.with(admin).post(REGIONS, Map.of("code", "37027", "name", "短", "parentCode", "370200"))
                .status()).isEqualTo(400);
        assertThat(count("region")).isEqualTo(regions);

        Http.Response added = http.with(admin).post(REGIONS,
                Map.of("code", NEW_DISTRICT, "name", "测试新区", "parentCode", "370200"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo(REGIONS + "/" + NEW_DISTRICT);
        assertThat(added.json().get("level").asString()).isEqualTo("DISTRICT");

        Http.Response renamed = http.with(admin).patch(REGIONS + "/" + NEW_DISTRICT, Map.of("name", "测试高新区"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(find(http.with(admin).get(REGIONS).json(), NEW_DISTRICT).get("name").asString())
                .isEqualTo("测试高新区");
        assertThat(http.with(admin).patch(REGIONS + "/379999", Map.of("name", "无")).code())
                .isEqualTo("REGION_NOT_FOUND");

        // an enterprise and a reviewer of the district, before it is retired
        Person reviewer = districtReviewer(NEW_DISTRICT);
        Map<String, Object> profile = strongProfile(uscc(NEW_DISTRICT), NEW_DISTRICT);
        long enterpriseId = register(reviewer.token(), profile).get("enterpriseId").asLong();

        Http.Response retired = http.with(admin).post(REGIONS + "/" + NEW_DISTRICT + "/retirement", null);
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        assertThat(retired.json().get("retired").asBoolean()).isTrue();
        assertThat(retired.json().get("retiredAt")).isNotNull();
        assertThat(http.with(admin).post(REGIONS + "/" + NEW_DISTRICT + "/retirement", null).code())
                .isEqualTo("REGION_NOT_RETIRABLE");
        assertThat(http.with(admin).post(REGIONS + "/370200/retirement", null).code())
                .isEqualTo("REGION_NOT_RETIRABLE");
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE entity_type = 'REGION' AND entity_id = ?",
                String.class, NEW_DISTRICT)).containsExactly("REGION_ADDED", "REGION_RENAMED", "REGION_RETIRED");

        // retired: not for new enterprises or reviewers ...
        Http.Response newEnterprise = http.with(reviewer.token()).post(LIB,
                strongProfile(uscc(NEW_DISTRICT), NEW_DISTRICT));
        assertThat(newEnterprise.status()).as(newEnterprise.toString()).isEqualTo(400);
        assertThat(newEnterprise.code()).isEqualTo("DISTRICT_RETIRED");
        Http.Response newReviewer = http.with(admin).post("/api/v1/admin/users", Map.of("username",
                unique("dr"), "password", PASSWORD, "displayName", "审核员", "role", "DISTRICT_REVIEWER",
                "districtCode", NEW_DISTRICT));
        assertThat(newReviewer.code()).isEqualTo("DISTRICT_RETIRED");
        // ... nor to move into, but its enterprises keep it and can still be updated
        Map<String, Object> other = strongProfile(uscc("370202"), "370202");
        long elsewhere = register(districtReviewer("370202").token(), other).get("enterpriseId").asLong();
        other.put("districtCode", NEW_DISTRICT);
        Http.Response move = http.with(districtReviewer("370202").token()).put(LIB + "/" + elsewhere, other);
        assertThat(move.status()).as(move.toString()).isEqualTo(400);
        assertThat(move.code()).isEqualTo("DISTRICT_RETIRED");
        profile.put("employees", 60);
        Http.Response kept = http.with(reviewer.token()).put(LIB + "/" + enterpriseId, profile);
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.json().get("districtCode").asString()).isEqualTo(NEW_DISTRICT);
    }

    private static JsonNode find(JsonNode regions, String code) {
        List<JsonNode> found = StreamSupport.stream(regions.spliterator(), false)
                .filter(r -> r.get("code").asString().equals(code)).toList();
        assertThat(found).as("region %s", code).hasSize(1);
        return found.get(0);
    }
}
