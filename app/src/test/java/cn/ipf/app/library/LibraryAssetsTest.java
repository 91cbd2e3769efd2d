package cn.ipf.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Geographical indications as assets: recorded once, appraised only by their user, counted in pledgeable value. */
class LibraryAssetsTest extends LibraryTestSupport {

    private static final String DISTRICT = "370203";

    @Test
    void anAppraisedIndicationCountsTowardsCoveringTheDemand() {
        String token = districtReviewer(DISTRICT).token();
        long id = registerSmall(DISTRICT);
        addInvention(token, id, false);
        String path = LIB + "/" + id;
        assertThat(http.with(token).put(path + "/demand", Map.of("amount", 1_000_000, "termMonths", 12,
                "purpose", "扩大产能")).status()).isEqualTo(200);
        assertThat(demandFit(token, path)).as("no appraised asset: demand not covered").isEqualTo(5);

        Map<String, Object> form = Map.of("registrationNo", unique("GI"), "name", "崂山绿茶", "validUntil",
                "2030-12-31");
        Http.Response added = http.with(token).post(path + "/geographical-indications", form);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        long indicationId = added.json().get("indicationId").asLong();
        assertThat(http.with(token).post(path + "/geographical-indications", form).code())
                .isEqualTo("INDICATION_ALREADY_RECORDED");
        assertThat(http.with(token).get(path + "/geographical-indications").json()).hasSize(1);

        Http.Response appraisal = http.with(token).post(path + "/appraisals", Map.of("assetKind",
                "GEOGRAPHICAL_INDICATION", "assetId", indicationId, "appraisedValue", 2_000_000, "appraiser",
                "青岛天和资产评估有限公司", "reportNo", unique("GI-PG"), "appraisedOn", "2026-01-10"));
        assertThat(appraisal.status()).as(appraisal.toString()).isEqualTo(201);
        assertThat(demandFit(token, path)).as("1 000 000 ≤ 0.5 × 2 000 000: covered").isEqualTo(10);

        long other = registerSmall(DISTRICT);
        long before = count("appraisal");
        Http.Response notOwned = http.with(token).post(LIB + "/" + other + "/appraisals", Map.of("assetKind",
                "GEOGRAPHICAL_INDICATION", "assetId", indicationId, "appraisedValue", 1, "appraiser", "x",
                "reportNo", unique("X"), "appraisedOn", "2026-01-10"));
        assertThat(notOwned.code()).isEqualTo("ASSET_NOT_OWNED");
        assertThat(count("appraisal")).isEqualTo(before);
    }

    private int demandFit(String token, String path) {
        JsonNode screening = http.with(token).get(path + "/screening").json();
        for (JsonNode line : screening.get("lines")) {
            if (line.get("criterion").asString().equals("DEMAND_FIT")) {
                return line.get("points").asInt();
            }
        }
        throw new AssertionError("no DEMAND_FIT line: " + screening);
    }

    @Test
    void valuesTheDatabaseCannotHoldAreBadInputNotServerErrors() {
        String token = districtReviewer(DISTRICT).token();
        long id = registerSmall(DISTRICT);
        String path = LIB + "/" + id;
        long trademarks = count("trademark");
        Http.Response farFuture = http.with(token).send("POST", path + "/trademarks",
                "{\"registrationNo\":\"12345\",\"markName\":\"x\",\"niceClass\":9,\"validUntil\":\"+10000-01-01\"}");
        assertThat(farFuture.status()).as(farFuture.toString()).isEqualTo(400);
        assertThat(count("trademark")).isEqualTo(trademarks);

        Http.Response tiny = http.with(token).put(path + "/demand", Map.of("amount", new java.math.BigDecimal("0.001"),
                "termMonths", 6, "purpose", "x"));
        assertThat(tiny.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(http.with(token).get(path + "/demand").code()).isEqualTo("DEMAND_NOT_FOUND");
    }

    @Test
    void theProfileIsFrozenWhileReviewersDecide() {
        String token = districtReviewer(DISTRICT).token();
        long id = registerSmall(DISTRICT);
        addInvention(token, id, false);
        qualify(id);
        Map<String, Object> profile = new java.util.LinkedHashMap<>(strongProfile(
                enterprise(token, id).get("uscc").asString(), DISTRICT));
        assertThat(http.with(token).post(LIB + "/" + id + "/submission", null).status()).isEqualTo(201);
        profile.put("employees", 60);
        Http.Response midReview = http.with(token).put(LIB + "/" + id, profile);
        assertThat(midReview.code()).isEqualTo("ENTRY_UNDER_REVIEW");
        assertThat(midReview.json().get("currentState").asString()).isEqualTo("SUBMITTED");
        assertThat(enterprise(token, id).get("employees").asInt()).isEqualTo(50);
    }

    @Test
    void ruleSetsThatWouldBreakScreeningAreRefused() {
        String admin = adminToken();
        Map<String, Object> rules = new java.util.LinkedHashMap<>();
        rules.put("inventionTiers", java.util.List.of(Map.of("minCount", 1, "points", 10)));
        rules.put("highValueTiers", java.util.List.of());
        rules.put("ipmCertificationPoints", 10);
        rules.put("highTechPoints", 8);
        rules.put("specializedPoints", 7);
        rules.put("creditRatingPoints", Map.of("AAA", 20));
        rules.put("demandCoveredPoints", 10);
        rules.put("demandUncoveredPoints", 5);
        rules.put("demandCoverageRatio", 0.5);
        rules.put("admissionThreshold", 30);
        rules.put("defaultLookbackYears", 2_000_000_000);
        String effectiveFrom = java.time.LocalDate.of(2150, 1, 1)
                .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000)).toString();
        Http.Response hugeLookback = http.with(admin).post("/api/v1/admin/screening-rule-sets",
                Map.of("effectiveFrom", effectiveFrom, "rules", rules));
        assertThat(hugeLookback.code()).isEqualTo("RULE_SET_INVALID");
        rules.put("defaultLookbackYears", 3);
        rules.put("highTechPoints", Integer.MAX_VALUE);
        assertThat(http.with(admin).post("/api/v1/admin/screening-rule-sets",
                Map.of("effectiveFrom", effectiveFrom, "rules", rules)).code()).isEqualTo("RULE_SET_INVALID");
    }
}
