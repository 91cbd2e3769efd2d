package cn.ipf.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An enterprise matched against the demo banks' products (ids 1–6 of demo-data.sql; 4 is superseded by 5), each
 * criterion explained, scores as documented. Other tests publish products too; only the demo ones are asserted.
 */
class LibraryProductMatchTest extends LibraryTestSupport {

    private static final String DISTRICT = "370202";

    @Test
    void anEnterpriseSeesEveryProductExplainedAndTheBestFitFirst() {
        String token = districtReviewer(DISTRICT).token();
        long id = registerSmall(DISTRICT);
        long patentId = addInvention(token, id, false).get("patentId").asLong();
        String path = LIB + "/" + id;
        assertThat(http.with(token).post(path + "/appraisals", Map.of("assetKind", "PATENT", "assetId", patentId,
                "appraisedValue", 4_000_000, "appraiser", "青岛天和资产评估有限公司", "reportNo", unique("PG"),
                "appraisedOn", "2026-03-01")).status()).isEqualTo(201);
        assertThat(http.with(token).post(path + "/credit-ratings", Map.of("rating", "AA", "source", "测试",
                "ratedOn", today().minusDays(1).toString())).status()).isEqualTo(201);
        assertThat(http.with(token).put(path + "/demand", Map.of("amount", 2_000_000, "termMonths", 12,
                "purpose", "研发", "preferredBankIds", List.of(1))).status()).isEqualTo(200);

        Http.Response r = http.with(token).get(path + "/product-matches");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> demo = new ArrayList<>();
        r.json().forEach(m -> {
            if (m.get("productId").asLong() <= 6) {
                demo.add(m);
            }
        });
        assertThat(demo).extracting(m -> m.get("productId").asLong()).as("superseded version 4 is not offered")
                .doesNotContain(4L).contains(1L, 2L, 3L, 5L, 6L);

        JsonNode p1 = byId(demo, 1);
        assertThat(p1.get("eligible").asBoolean()).isTrue();
        assertThat(p1.get("bankName").asString()).isEqualTo("青岛银行股份有限公司");
        // coverage 0.5 × 4 000 000 covers 2 000 000 → 50; rate LPR + 30 bp → 27; bank 1 preferred → 20
        assertThat(p1.get("total").asInt()).isEqualTo(97);
        JsonNode p2 = byId(demo, 2);
        assertThat(p2.get("eligible").asBoolean()).isTrue();
        // coverage 0.4 × 4 000 000 = 1 600 000 of 2 000 000 → 40; LPR + 20 bp → 28; preferred → 20
        assertThat(p2.get("total").asInt()).isEqualTo(88);
        JsonNode p3 = byId(demo, 3);
        assertThat(p3.get("eligible").asBoolean()).isFalse();
        assertThat(failed(p3)).containsExactly("DISTRICT");
        assertThat(criterion(p3, "DISTRICT").get("reason").asString()).contains("370202").contains("370211");
        assertThat(byId(demo, 5).get("criteria")).hasSize(8);

        // eligible first, by score
        List<Long> order = new ArrayList<>();
        r.json().forEach(m -> order.add(m.get("productId").asLong()));
        assertThat(order.indexOf(1L)).isLessThan(order.indexOf(2L));
        assertThat(order.indexOf(2L)).isLessThan(order.indexOf(3L));
    }

    @Test
    void anSmeMatchesOnlyItsOwnEnterprise() {
        long other = registerSmall(DISTRICT);
        Person sme = person(Role.SME, null, null, null);
        assertThat(http.with(sme.token()).get(LIB + "/" + other + "/product-matches").code())
                .isEqualTo("ENTERPRISE_NOT_FOUND");
    }

    private static JsonNode byId(List<JsonNode> matches, long productId) {
        return matches.stream().filter(m -> m.get("productId").asLong() == productId).findFirst().orElseThrow();
    }

    private static List<String> failed(JsonNode match) {
        List<String> names = new ArrayList<>();
        match.get("criteria").forEach(c -> {
            if (!c.get("passed").asBoolean()) {
                names.add(c.get("name").asString());
            }
        });
        return names;
    }

    private static JsonNode criterion(JsonNode match, String name) {
        for (JsonNode c : match.get("criteria")) {
            if (c.get("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no criterion " + name);
    }
}
