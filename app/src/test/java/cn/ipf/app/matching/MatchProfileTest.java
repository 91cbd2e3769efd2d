package cn.ipf.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.Http;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The match profiles the candidate search ranks from hold, after the library's writes through the API, exactly what
 * the live per-enterprise queries (the candidate detail's and the enterprise's own product matching) compute.
 */
class MatchProfileTest extends LibraryTestSupport {

    private static final String DISTRICT = "370211";

    @Autowired
    private MatchingMapper mapper;

    @Test
    void everyProfileHoldsWhatTheLiveQueriesCompute() {
        String token = districtReviewer(DISTRICT).token();
        long strong = admittedStrong(DISTRICT);
        long trademarkId = http.with(token).post(LIB + "/" + strong + "/trademarks", Map.of("registrationNo",
                String.valueOf(100_000_000L + ThreadLocalRandom.current().nextLong(800_000_000L)), "markName", "画像",
                "niceClass", 9, "validUntil", "2034-05-20")).json().get("trademarkId").asLong();
        Http.Response appraisal = http.with(token).post(LIB + "/" + strong + "/appraisals", Map.of(
                "assetKind", "TRADEMARK", "assetId", trademarkId, "appraisedValue", 750_000,
                "appraiser", "青岛天和资产评估有限公司", "reportNo", unique("TM-PG"), "appraisedOn",
                today().minusDays(3).toString()));
        assertThat(appraisal.status()).as("appraisal: %s", appraisal).isEqualTo(201);
        Http.Response indication = http.with(token).post(LIB + "/" + strong + "/geographical-indications",
                Map.of("registrationNo", unique("GI"), "name", "崂山绿茶", "validUntil", "2036-01-01"));
        assertThat(indication.status()).as("indication: %s", indication).isEqualTo(201);
        long second = admittedStrong(DISTRICT);
        Http.Response demand = http.with(token).put(LIB + "/" + second + "/demand", Map.of("amount", 3_000_000,
                "termMonths", 24, "purpose", "扩产", "preferredBankIds", List.of(bank(adminToken()))));
        assertThat(demand.status()).as("demand: %s", demand).isEqualTo(200);
        Http.Response closed = http.with(token).send("DELETE", LIB + "/" + strong + "/demand", null);
        assertThat(closed.status()).as("closed: %s", closed).isLessThan(300);
        long bare = register(token, strongProfile(uscc(DISTRICT), DISTRICT)).get("enterpriseId").asLong();

        LocalDate today = today();
        for (long id : List.of(strong, second, bare)) {
            MatchingMapper.ProfileRow profile = profile(id);
            MatchingMapper.Profile live = mapper.profile(id, today);
            assertThat(profile.districtCode()).isEqualTo(DISTRICT);
            assertThat(profile.demandAmount()).as("demand of %s", id).isEqualTo(live.demandAmount());
            assertThat(profile.demandTermMonths()).isEqualTo(live.demandTermMonths());
            assertThat(jdbc.queryForObject("SELECT preferred_bank_ids FROM match_profile WHERE enterprise_id = ?",
                    String.class, id)).isEqualTo(live.preferredBankIds());
            assertThat(profile.creditRating()).isEqualTo(live.creditRating());
            assertThat(profile.validInventions()).isEqualTo(live.validInventions());
            assertThat(plain(profile.kinds())).as("pledgeable assets of %s", id)
                    .containsExactlyInAnyOrderElementsOf(plain(mapper.assetValues(List.of(id), today)));
        }
        assertThat(profile(strong).kinds()).extracting(MatchingMapper.KindValue::kind)
                .containsExactly("INVENTION", "TRADEMARK", "GEOGRAPHICAL_INDICATION");
        assertThat(profile(second).demandAmount()).isEqualByComparingTo("3000000");
        assertThat(profile(bare).kinds()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT valid_through FROM match_profile WHERE enterprise_id = ?",
                LocalDate.class, strong)).as("the trademark expires first").isEqualTo(LocalDate.of(2034, 5, 20));
    }

    private static List<String> plain(List<MatchingMapper.KindValue> kinds) {
        return kinds.stream().map(k -> k.enterpriseId() + " " + k.kind() + " " + k.assets() + " "
                + k.assetValue().stripTrailingZeros().toPlainString()).toList();
    }

    private MatchingMapper.ProfileRow profile(long enterpriseId) {
        return jdbc.queryForObject("""
                SELECT * FROM match_profile WHERE enterprise_id = ?""", (rs, i) -> new MatchingMapper.ProfileRow(
                rs.getLong("enterprise_id"), rs.getString("district_code"), rs.getString("industry_code"),
                rs.getBigDecimal("demand_amount"), (Integer) rs.getObject("demand_term_months", Integer.class), false,
                rs.getString("credit_rating"), rs.getInt("valid_inventions"), rs.getInt("invention_assets"),
                rs.getBigDecimal("invention_value"), rs.getInt("utility_model_assets"),
                rs.getBigDecimal("utility_model_value"), rs.getInt("design_assets"), rs.getBigDecimal("design_value"),
                rs.getInt("trademark_assets"), rs.getBigDecimal("trademark_value"), rs.getInt("indication_assets"),
                rs.getBigDecimal("indication_value")), enterpriseId);
    }
}
