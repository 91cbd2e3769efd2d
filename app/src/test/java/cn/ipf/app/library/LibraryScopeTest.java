package cn.ipf.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.policy.Sector;
import cn.ipf.app.library.policy.SizeClass;
import cn.ipf.app.library.policy.SizeClassifier;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who sees and changes what in the project library: SMEs their own enterprise, district reviewers their district,
 * regulators everything read-only, bank officers nothing; search filters, sorting and paging; demand aggregates.
 * The database is shared with other test classes, so expected results are computed from it with SQL, scoped the same
 * way, and compared with what the API returns.
 */
class LibraryScopeTest extends LibraryTestSupport {

    private static final String ENTRY_JOIN = " FROM enterprise e JOIN library_entry l ON l.enterprise_id = e.id ";

    @Test
    void anSmeSeesOnlyItsOwnEnterprise() {
        Person sme = person(Role.SME, null, null, null);
        long own = register(sme.token(), smallProfile(uscc("370202"), "370202")).get("enterpriseId").asLong();
        long other = registerSmall("370211");
        addInvention(districtReviewer("370211").token(), other, false);

        Http.Response hidden = http.with(sme.token()).get(LIB + "/" + other);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.code()).isEqualTo("ENTERPRISE_NOT_FOUND");
        for (String sub : List.of("/patents", "/trademarks", "/decisions", "/screening", "/dishonesty-listings")) {
            assertThat(http.with(sme.token()).get(LIB + "/" + other + sub).code()).as(sub)
                    .isEqualTo("ENTERPRISE_NOT_FOUND");
        }
        assertThat(http.with(sme.token()).put(LIB + "/" + other, smallProfile(uscc("370211"), "370211")).code())
                .isEqualTo("ENTERPRISE_NOT_FOUND");
        assertThat(submit(sme.token(), other).code()).isEqualTo("ENTERPRISE_NOT_FOUND");
        assertThat(http.with(sme.token()).post(LIB + "/" + other + "/patents",
                patentForm(zl(patentDigits('1')), "INVENTION", false)).code()).isEqualTo("ENTERPRISE_NOT_FOUND");
        assertThat(status(other)).isEqualTo("DRAFT");
        assertThat(decisionCount(other)).isZero();

        JsonNode page = http.with(sme.token()).get(LIB + "?size=200").json();
        assertThat(ids(page.get("items"))).containsExactly(own);
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(http.with(sme.token()).get(LIB + "?districtCode=370211").json().get("items")).isEmpty();

        // an SME may not review, not even its own enterprise, nor see the aggregates
        assertThat(decide(sme.token(), own, "DISTRICT_APPROVE", null).status()).isEqualTo(403);
        assertThat(http.with(sme.token()).get("/api/v1/library/demand-aggregates?groupBy=DISTRICT").status())
                .isEqualTo(403);

        // another SME, bound to a demo enterprise, does not see this one
        Person neighbour = person(Role.SME, 1L, null, null);
        assertThat(http.with(neighbour.token()).get(LIB + "/" + own).code()).isEqualTo("ENTERPRISE_NOT_FOUND");
        assertThat(http.with(neighbour.token()).get(LIB + "/1").status()).isEqualTo(200);
    }

    @Test
    void aDistrictReviewerIsConfinedToItsDistrict() {
        Person dr = districtReviewer("370202");
        long elsewhere = registerSmall("370211");
        addInvention(districtReviewer("370211").token(), elsewhere, false);
        submitted(districtReviewer("370211").token(), elsewhere);

        Http.Response hidden = http.with(dr.token()).get(LIB + "/" + elsewhere);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.code()).isEqualTo("ENTERPRISE_NOT_FOUND");
        assertThat(decide(dr.token(), elsewhere, "DISTRICT_APPROVE", null).code()).isEqualTo("ENTERPRISE_NOT_FOUND");
        assertThat(http.with(dr.token()).post(LIB + "/" + elsewhere + "/dishonesty-listings",
                Map.of("listedOn", today().toString(), "source", "信用中国")).code())
                .isEqualTo("ENTERPRISE_NOT_FOUND");
        assertThat(http.with(dr.token()).put(LIB + "/" + elsewhere + "/demand",
                Map.of("amount", 100_000, "termMonths", 6, "purpose", "x")).code())
                .isEqualTo("ENTERPRISE_NOT_FOUND");
        assertThat(status(elsewhere)).isEqualTo("SUBMITTED");
        assertThat(decisionCount(elsewhere)).isEqualTo(1);

        long enterprises = count("enterprise");
        Http.Response outside = http.with(dr.token()).post(LIB, smallProfile(uscc("370211"), "370211"));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.code()).isEqualTo("OUT_OF_DISTRICT");
        assertThat(count("enterprise")).isEqualTo(enterprises);

        // nor may it move one of its own enterprises out of its district
        Map<String, Object> profile = smallProfile(uscc("370202"), "370202");
        long own = register(dr.token(), profile).get("enterpriseId").asLong();
        profile.put("districtCode", "370211");
        assertThat(http.with(dr.token()).put(LIB + "/" + own, profile).code()).isEqualTo("OUT_OF_DISTRICT");
        assertThat(jdbc.queryForObject("SELECT district_code FROM enterprise WHERE id = ?", String.class, own))
                .isEqualTo("370202");

        List<JsonNode> seen = searchAll(dr.token(), "");
        assertThat(seen).isNotEmpty().allSatisfy(e -> assertThat(e.get("districtCode").asString())
                .isEqualTo("370202"));
        assertThat(ids(seen)).contains(own).doesNotContain(elsewhere)
                .containsExactlyElementsOf(sqlIds("WHERE e.district_code = '370202' ORDER BY e.id"));
        assertThat(http.with(dr.token()).get(LIB + "?districtCode=370211").json().get("page").get("totalElements")
                .asLong()).isZero();
    }

    @Test
    void aRegulatorReadsEverythingButChangesNothing() {
        long id = registerSmall("370211");
        addInvention(districtReviewer("370211").token(), id, false);
        String regulator = regulator().token();

        assertThat(http.with(regulator).get(LIB + "/" + id).status()).isEqualTo(200);
        for (String sub : List.of("/patents", "/trademarks", "/decisions", "/screening", "/dishonesty-listings")) {
            assertThat(http.with(regulator).get(LIB + "/" + id + sub).status()).as(sub).isEqualTo(200);
        }
        JsonNode all = http.with(regulator).get(LIB + "?size=1").json();
        assertThat(all.get("page").get("totalElements").asLong()).isEqualTo(count("enterprise"));
        assertThat(http.with(regulator).get("/api/v1/library/demand-aggregates?groupBy=DISTRICT").status())
                .isEqualTo(200);

        long enterprises = count("enterprise");
        long patents = count("patent");
        List<Http.Response> writes = List.of(
                http.with(regulator).post(LIB, smallProfile(uscc("370211"), "370211")),
                http.with(regulator).put(LIB + "/" + id, smallProfile(uscc("370211"), "370211")),
                http.with(regulator).post(LIB + "/" + id + "/patents",
                        patentForm(zl(patentDigits('1')), "INVENTION", false)),
                http.with(regulator).put(LIB + "/" + id + "/demand",
                        Map.of("amount", 100_000, "termMonths", 6, "purpose", "x")),
                submit(regulator, id),
                decide(regulator, id, "DISTRICT_APPROVE", null),
                http.with(regulator).post(LIB + "/" + id + "/credit-ratings",
                        Map.of("rating", "AA", "source", "x", "ratedOn", today().toString())),
                http.with(regulator).post(LIB + "/" + id + "/dishonesty-listings",
                        Map.of("listedOn", today().toString(), "source", "x")),
                http.with(regulator).post(LIB + "/" + id + "/recommendation", null));
        assertThat(writes).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("FORBIDDEN");
        });
        assertThat(count("enterprise")).isEqualTo(enterprises);
        assertThat(count("patent")).isEqualTo(patents);
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(decisionCount(id)).isZero();

        // admins read the library too, but do not register enterprises
        String admin = adminToken();
        assertThat(http.with(admin).get(LIB + "/" + id).status()).isEqualTo(200);
        assertThat(http.with(admin).post(LIB, smallProfile(uscc("370211"), "370211")).status()).isEqualTo(403);
    }

    @Test
    void aBankOfficerHasNoAccessToTheLibrary() {
        String officer = person(Role.BANK_OFFICER, null, 1L, null).token();
        assertThat(http.with(officer).get(LIB).code()).isEqualTo("FORBIDDEN");
        assertThat(http.with(officer).get(LIB + "/1").status()).isEqualTo(403);
        assertThat(http.with(officer).get(LIB + "/1/patents").status()).isEqualTo(403);
        assertThat(http.with(officer).get("/api/v1/library/demand-aggregates?groupBy=DISTRICT").status())
                .isEqualTo(403);
        assertThat(http.with(officer).post(LIB, smallProfile(uscc("370202"), "370202")).status()).isEqualTo(403);
    }

    @Test
    void searchFiltersSortingAndPagination() {
        String district = "370203";
        Person dr = districtReviewer(district);
        String city = cityReviewer().token();

        long strong = admittedStrong(district); // C3736, SMALL, ADMITTED, score 90, open demand
        Map<String, Object> mediumProfile = smallProfile(uscc(district), district);
        mediumProfile.put("employees", 500);
        mediumProfile.put("annualRevenue", 100_000_000);
        JsonNode mediumNode = register(dr.token(), mediumProfile); // MEDIUM, DRAFT, no demand
        assertThat(mediumNode.get("sizeClass").asString()).isEqualTo("MEDIUM");
        long medium = mediumNode.get("enterpriseId").asLong();
        Map<String, Object> microProfile = smallProfile(uscc(district), district);
        microProfile.put("industryCode", "I6513");
        microProfile.put("employees", 5);
        microProfile.put("annualRevenue", 400_000);
        microProfile.put("totalAssets", 300_000);
        JsonNode microNode = register(dr.token(), microProfile); // MICRO software, SUBMITTED with score 10, demand
        assertThat(microNode.get("sizeClass").asString()).isEqualTo("MICRO");
        assertThat(microNode.get("sector").asString()).isEqualTo("SOFTWARE_IT");
        long micro = microNode.get("enterpriseId").asLong();
        addInvention(dr.token(), micro, false);
        assertThat(http.with(dr.token()).put(LIB + "/" + micro + "/demand",
                Map.of("amount", 300_000, "termMonths", 6, "purpose", "流动资金")).status()).isEqualTo(200);
        submitted(dr.token(), micro);
        assertThat(enterprise(city, strong).get("score").asInt()).isEqualTo(90);
        assertThat(enterprise(city, micro).get("score").asInt())
                .as("1 invention → 10; demand 300 000 > 0.5 × pledgeable 0 → 5").isEqualTo(15);

        String in = "e.district_code = '" + district + "'";

        List<Long> admittedC37 = ids(searchAll(city,
                "districtCode=" + district + "&industryPrefix=C37&status=ADMITTED"));
        assertThat(admittedC37).contains(strong).doesNotContain(medium, micro).containsExactlyElementsOf(sqlIds(
                "WHERE " + in + " AND e.industry_code LIKE 'C37%' AND l.status = 'ADMITTED' ORDER BY e.id"));
        assertThat(ids(searchAll(city, "districtCode=" + district + "&status=DRAFT"))).contains(medium)
                .doesNotContain(strong, micro)
                .containsExactlyElementsOf(sqlIds("WHERE " + in + " AND l.status = 'DRAFT' ORDER BY e.id"));

        List<JsonNode> mediums = searchAll(city, "districtCode=" + district + "&sizeClass=MEDIUM");
        assertThat(mediums).allSatisfy(e -> assertThat(e.get("sizeClass").asString()).isEqualTo("MEDIUM"));
        assertThat(ids(mediums)).contains(medium).doesNotContain(strong, micro)
                .containsExactlyElementsOf(idsOfSize(district, SizeClass.MEDIUM));
        assertThat(ids(searchAll(city, "districtCode=" + district + "&sizeClass=MICRO"))).contains(micro)
                .doesNotContain(strong, medium).containsExactlyElementsOf(idsOfSize(district, SizeClass.MICRO));
        assertThat(ids(searchAll(city, "districtCode=" + district + "&sizeClass=SMALL&status=ADMITTED")))
                .contains(strong).doesNotContain(medium, micro);

        String open = "EXISTS (SELECT 1 FROM financing_demand f WHERE f.enterprise_id = e.id AND f.open_marker = 1)";
        List<JsonNode> withDemand = searchAll(city, "districtCode=" + district + "&hasOpenDemand=true");
        assertThat(withDemand).allSatisfy(e -> assertThat(e.get("hasOpenDemand").asBoolean()).isTrue());
        assertThat(ids(withDemand)).contains(strong, micro).doesNotContain(medium)
                .containsExactlyElementsOf(sqlIds("WHERE " + in + " AND " + open + " ORDER BY e.id"));
        assertThat(ids(searchAll(city, "districtCode=" + district + "&hasOpenDemand=false"))).contains(medium)
                .doesNotContain(strong, micro)
                .containsExactlyElementsOf(sqlIds("WHERE " + in + " AND NOT " + open + " ORDER BY e.id"));

        List<JsonNode> ninety = searchAll(city, "districtCode=" + district + "&minScore=90&maxScore=90");
        assertThat(ninety).allSatisfy(e -> assertThat(e.get("score").asInt()).isEqualTo(90));
        assertThat(ids(ninety)).contains(strong).doesNotContain(micro, medium)
                .containsExactlyElementsOf(sqlIds("WHERE " + in + " AND l.score BETWEEN 90 AND 90 ORDER BY e.id"));
        assertThat(ids(searchAll(city, "districtCode=" + district + "&minScore=91"))).doesNotContain(strong);
        assertThat(ids(searchAll(city, "districtCode=" + district + "&maxScore=15"))).contains(micro)
                .doesNotContain(strong, medium)
                .containsExactlyElementsOf(sqlIds("WHERE " + in + " AND l.score <= 15 ORDER BY e.id"));

        List<JsonNode> byScore = searchAll(city, "districtCode=" + district + "&sort=score_desc");
        assertThat(ids(byScore)).containsExactlyElementsOf(sqlIds(
                "WHERE " + in + " ORDER BY l.score IS NULL, l.score DESC, e.id"));
        List<Integer> scores = byScore.stream().filter(e -> !absent(e, "score")).map(e -> e.get("score").asInt())
                .toList();
        assertThat(scores).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(absent(byScore.get(byScore.size() - 1), "score")).as("unscored entries last").isTrue();
        assertThat(ids(byScore).indexOf(strong)).isLessThan(ids(byScore).indexOf(micro));

        // pagination: pages of 2 cover every match exactly once, in id order, with consistent meta
        List<Long> expected = sqlIds("WHERE " + in + " ORDER BY e.id");
        int totalPages = (expected.size() + 1) / 2;
        List<Long> paged = new ArrayList<>();
        for (int p = 0; p < totalPages; p++) {
            JsonNode page = http.with(city).get(LIB + "?districtCode=" + district + "&size=2&page=" + p).json();
            JsonNode meta = page.get("page");
            assertThat(meta.get("page").asInt()).isEqualTo(p);
            assertThat(meta.get("size").asInt()).isEqualTo(2);
            assertThat(meta.get("totalElements").asLong()).isEqualTo(expected.size());
            assertThat(meta.get("totalPages").asInt()).isEqualTo(totalPages);
            assertThat(page.get("items").size()).isEqualTo(p < totalPages - 1 ? 2 : expected.size() - 2 * p);
            paged.addAll(ids(page.get("items")));
        }
        assertThat(paged).containsExactlyElementsOf(expected);
        JsonNode beyond = http.with(city).get(LIB + "?districtCode=" + district + "&size=2&page=" + totalPages)
                .json();
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("page").get("totalElements").asLong()).isEqualTo(expected.size());
        assertThat(http.with(city).get(LIB + "?size=201").status()).isEqualTo(400);
        assertThat(http.with(city).get(LIB + "?page=-1").status()).isEqualTo(400);
    }

    @Test
    void demandAggregatesAreTheSumsOfTheOpenDemands() {
        String city = cityReviewer().token();
        Map<String, Aggregate> districtsBefore = aggregates(city, "DISTRICT");
        Map<String, Aggregate> industriesBefore = aggregates(city, "INDUSTRY");

        long a = registerWith("370202", "M7320");
        long b = registerWith("370211", "C3736");
        long c = registerWith("370211", "M7320");
        long d = registerWith("370202", "C3736");
        state("370202", a, "1000000.50");
        state("370211", b, "3000000");
        state("370211", b, "2500000"); // replaces the first: one open demand per enterprise
        state("370211", c, "700000");
        state("370202", d, "400000");
        Person dr211 = districtReviewer("370211");
        assertThat(http.with(dr211.token()).send("DELETE", LIB + "/" + c + "/demand", null).status())
                .isEqualTo(204);
        assertThat(http.with(dr211.token()).get(LIB + "/" + c + "/demand").code()).isEqualTo("DEMAND_NOT_FOUND");
        assertThat(http.with(dr211.token()).send("DELETE", LIB + "/" + c + "/demand", null).code())
                .isEqualTo("DEMAND_NOT_FOUND");
        // an unknown preferred bank is refused and leaves the open demand as it was
        Http.Response unknownBank = http.with(dr211.token()).put(LIB + "/" + b + "/demand", Map.of("amount", 9_000_000,
                "termMonths", 12, "purpose", "x", "preferredBankIds", List.of(1, 987_654_321)));
        assertThat(unknownBank.code()).isEqualTo("BANK_IDS_UNKNOWN");
        assertThat(http.with(dr211.token()).get(LIB + "/" + b + "/demand").json().get("amount").decimalValue())
                .isEqualByComparingTo("2500000");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM financing_demand WHERE enterprise_id = ?", Long.class,
                b)).isEqualTo(2);

        Map<String, Aggregate> districts = aggregates(city, "DISTRICT");
        assertThat(districts.get("370202").minus(districtsBefore.get("370202")))
                .isEqualTo(new Aggregate(2, new BigDecimal("1400000.50")));
        assertThat(districts.get("370211").minus(districtsBefore.get("370211")))
                .isEqualTo(new Aggregate(1, new BigDecimal("2500000.00")));
        Map<String, Aggregate> industries = aggregates(city, "INDUSTRY");
        assertThat(industries.get("M73").minus(industriesBefore.get("M73")))
                .isEqualTo(new Aggregate(1, new BigDecimal("1000000.50")));
        assertThat(industries.get("C37").minus(industriesBefore.get("C37")))
                .isEqualTo(new Aggregate(2, new BigDecimal("2900000.00")));

        // and the whole picture equals the database's own sums, for the city and for one district
        assertThat(districts).isEqualTo(sqlAggregates("e.district_code", null));
        assertThat(industries).isEqualTo(sqlAggregates("SUBSTRING(e.industry_code, 1, 3)", null));
        assertThat(aggregates(regulator().token(), "DISTRICT")).isEqualTo(districts);
        String dr202 = districtReviewer("370202").token();
        Map<String, Aggregate> ownDistrict = aggregates(dr202, "DISTRICT");
        assertThat(ownDistrict).containsOnlyKeys("370202");
        assertThat(ownDistrict.get("370202")).isEqualTo(districts.get("370202"));
        assertThat(aggregates(dr202, "INDUSTRY"))
                .isEqualTo(sqlAggregates("SUBSTRING(e.industry_code, 1, 3)", "370202"));
    }

    @Test
    void queryValuesOutsideTheContractsEnumsAreRefused() {
        String city = cityReviewer().token();
        Http.Response grouping = http.with(city).get("/api/v1/library/demand-aggregates?groupBy=SIZE");
        Http.Response sort = http.with(city).get(LIB + "?sort=revenue_desc");
        Http.Response status = http.with(city).get(LIB + "?status=PENDING");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(grouping.status()).as("groupBy is an enum [DISTRICT, INDUSTRY]: %s", grouping)
                .isEqualTo(400);
        soft.assertThat(sort.status()).as("sort is an enum [id, name, score_desc, score_asc, admitted_desc]: %s",
                sort.status()).isEqualTo(400);
        soft.assertThat(status.status()).as("status is an AdmissionStatus: %s", status).isEqualTo(400);
        soft.assertAll();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private long registerWith(String district, String industryCode) {
        Map<String, Object> profile = smallProfile(uscc(district), district);
        profile.put("industryCode", industryCode);
        return register(districtReviewer(district).token(), profile).get("enterpriseId").asLong();
    }

    private void state(String district, long enterpriseId, String amount) {
        Http.Response r = http.with(districtReviewer(district).token()).put(LIB + "/" + enterpriseId + "/demand",
                Map.of("amount", new BigDecimal(amount), "termMonths", 24, "purpose", "技术改造"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("amount").decimalValue()).isEqualByComparingTo(amount);
    }

    /** Every match of a search, all pages. */
    private List<JsonNode> searchAll(String token, String query) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Http.Response r = http.with(token)
                    .get(LIB + "?size=200&page=" + page + (query.isEmpty() ? "" : "&" + query));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            r.json().get("items").forEach(all::add);
            if (page + 1 >= r.json().get("page").get("totalPages").asInt()) {
                assertThat(all).hasSize((int) r.json().get("page").get("totalElements").asLong());
                return all;
            }
        }
    }

    private static List<Long> ids(Iterable<JsonNode> items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(e -> ids.add(e.get("enterpriseId").asLong()));
        return ids;
    }

    private List<Long> sqlIds(String whereAndOrder) {
        return jdbc.queryForList("SELECT e.id" + ENTRY_JOIN + whereAndOrder, Long.class);
    }

    /** The enterprises of a district of a size class, derived the way the standard says, in id order. */
    private List<Long> idsOfSize(String district, SizeClass size) {
        return jdbc.query("SELECT e.id, e.industry_code, e.employees, e.annual_revenue, e.total_assets"
                + " FROM enterprise e WHERE e.district_code = ? ORDER BY e.id", (rs, n) -> SizeClassifier.classify(
                        Sector.of(rs.getString(2)), rs.getInt(3), rs.getBigDecimal(4), rs.getBigDecimal(5)) == size
                        ? rs.getLong(1) : null, district).stream().filter(Objects::nonNull).toList();
    }

    /** One group of the demand aggregate; amounts compared at two decimals. */
    record Aggregate(long count, BigDecimal total) {

        Aggregate {
            total = total.setScale(2, RoundingMode.UNNECESSARY);
        }

        Aggregate minus(Aggregate before) {
            return before == null ? this : new Aggregate(count - before.count, total.subtract(before.total));
        }
    }

    private Map<String, Aggregate> aggregates(String token, String groupBy) {
        Http.Response r = http.with(token).get("/api/v1/library/demand-aggregates?groupBy=" + groupBy);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<String, Aggregate> groups = new TreeMap<>();
        List<String> order = new ArrayList<>();
        r.json().forEach(g -> {
            order.add(g.get("group").asString());
            groups.put(g.get("group").asString(), new Aggregate(g.get("count").asLong(),
                    g.get("totalAmount").decimalValue()));
        });
        assertThat(order).as("groups are listed once each, in order").isSorted().doesNotHaveDuplicates();
        return groups;
    }

    private Map<String, Aggregate> sqlAggregates(String key, String district) {
        Map<String, Aggregate> groups = new TreeMap<>();
        String sql = "SELECT " + key + " AS g, COUNT(*) AS c, SUM(f.amount) AS s FROM financing_demand f"
                + " JOIN enterprise e ON e.id = f.enterprise_id WHERE f.open_marker = 1"
                + (district == null ? "" : " AND e.district_code = '" + district + "'") + " GROUP BY g";
        jdbc.query(sql, rs -> {
            groups.put(rs.getString("g"), new Aggregate(rs.getLong("c"), rs.getBigDecimal("s")));
        });
        return groups;
    }
}
