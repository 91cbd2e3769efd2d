package cn.ipf.app.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.OtherInstance;
import cn.ipf.app.user.Role;
import cn.ipf.sdk.api.BankCandidatesApi;
import cn.ipf.sdk.api.BankProductsApi;
import cn.ipf.sdk.model.Candidate;
import cn.ipf.sdk.model.CandidatePage;
import cn.ipf.sdk.model.CollateralKind;
import cn.ipf.sdk.model.DataScope;
import cn.ipf.sdk.model.LoanProduct;
import cn.ipf.sdk.model.LoanProductForm;
import cn.ipf.sdk.model.MatchCriterion;
import cn.ipf.sdk.model.MatchScorePart;
import cn.ipf.sdk.signing.IpfBankClients;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Product → candidates as a bank integrates it, through the SDK: only admitted enterprises that consented to the bank
 * (or to all banks) and pass the product's hard criteria, ranked by the matching score, paged, with only the data
 * scopes shared; every view logged for the enterprise. Each test works in an industry class of its own (N77xx, which
 * no other test uses), so enterprises of other tests never match its products.
 */
class BankCandidatesTest extends LibraryTestSupport {

    private static final String DISTRICT = "370211";

    /** An enterprise with its own SME user. */
    private record Sme(Person person, long id) {
    }

    @Test
    void aBankSeesTheConsentingAdmittedEnterprisesThatPassRankedPagedAndLogged() throws Exception {
        String admin = adminToken();
        long bankA = bank(admin);
        long bankB = bank(admin);
        BankProductsApi productsA = new BankProductsApi(sdk(app(admin, bankA, null)));
        BankCandidatesApi candidatesA = new BankCandidatesApi(sdk(app(admin, bankA, null)));
        BankCandidatesApi candidatesB = new BankCandidatesApi(sdk(app(admin, bankB, null)));
        String industry = "N7711";
        LoanProduct ofA = productsA.publishProduct(key(), form(industry));
        LoanProduct ofB = new BankProductsApi(sdk(app(admin, bankB, null))).publishProduct(key(), form(industry));

        Sme first = admitted(industry, 4_000_000, 2_000_000, bankA);
        consent(first, bankA, null);
        Sme second = admitted(industry, 2_000_000, 2_000_000, null);
        consent(second, null, null);
        Sme onlyB = admitted(industry, 3_000_000, 2_000_000, null);
        consent(onlyB, bankB, null);
        Sme demandTooLarge = admitted(industry, 4_000_000, 10_000_000, null);
        consent(demandTooLarge, bankA, null);
        admitted(industry, 4_000_000, 2_000_000, bankA); // no consent
        Sme notAdmitted = registered(industry);
        consent(notAdmitted, bankA, null);

        CandidatePage page = candidatesA.searchCandidates(ofA.getProductId(), 0, 20);
        assertThat(page.getProductId()).isEqualTo(ofA.getProductId());
        assertThat(ids(page)).containsExactly(first.id(), second.id());
        assertThat(page.getPage().getTotalElements()).isEqualTo(2);
        Candidate best = page.getItems().get(0);
        assertThat(best.getRank()).isEqualTo(1);
        // 0.5 × 4 000 000 covers 2 000 000 → 50; LPR + 30 bp → 27; the demand names bank A → 20
        assertThat(best.getMatch().getTotal()).isEqualTo(97);
        assertThat(best.getMatch().getScore()).extracting(MatchScorePart::getName, MatchScorePart::getPoints)
                .containsExactly(tuple("COVERAGE", 50), tuple("RATE", 27), tuple("PREFERRED_BANK", 20));
        assertThat(best.getMatch().getEligible()).isTrue();
        assertThat(best.getMatch().getCriteria()).extracting(MatchCriterion::getName).containsExactly("WINDOW",
                "DISTRICT", "INDUSTRY", "AMOUNT", "TERM", "COLLATERAL", "CREDIT_RATING", "INVENTION_PATENTS");
        assertThat(best.getMatch().getCriteria()).allMatch(MatchCriterion::getPassed);
        assertThat(criterion(best, "AMOUNT").getReason()).contains("2000000");
        // consent given without scopes shares everything
        assertThat(best.getSharedScopes()).containsExactlyInAnyOrder(DataScope.values());
        assertThat(best.getFinancingDemand().getNamesThisBank()).isTrue();
        assertThat(best.getIpAssets().getValidInventions()).isEqualTo(1);
        assertThat(best.getIpAssets().getAppraisedValue()).isEqualByComparingTo("4000000");
        assertThat(best.getIpAssets().getAssets()).as("lists carry counts, the detail the assets").isNull();
        // 0.5 × 2 000 000 of 2 000 000 → 25; 27; no preference
        assertThat(page.getItems().get(1).getMatch().getTotal()).isEqualTo(52);

        CandidatePage second2 = candidatesA.searchCandidates(ofA.getProductId(), 1, 1);
        assertThat(ids(second2)).containsExactly(second.id());
        assertThat(second2.getItems().get(0).getRank()).isEqualTo(2);
        assertThat(second2.getPage().getTotalPages()).isEqualTo(2);

        assertThat(ids(candidatesB.searchCandidates(ofB.getProductId(), 0, 20)))
                .as("bank B: its own consent and the all-banks one").containsExactly(onlyB.id(), second.id());
        assertThat(problemCode(() -> candidatesB.searchCandidates(ofA.getProductId(), 0, 20)))
                .isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(problemCode(() -> candidatesB.getCandidate(ofB.getProductId(), first.id())))
                .as("consent to A only").isEqualTo("CANDIDATE_NOT_FOUND");
        assertThat(problemCode(() -> candidatesA.getCandidate(ofA.getProductId(), notAdmitted.id())))
                .isEqualTo("CANDIDATE_NOT_FOUND");
        assertThat(problemCode(() -> candidatesA.searchCandidates(ofA.getProductId(), 0, 101)))
                .isEqualTo("VALIDATION_FAILED");

        Candidate detail = candidatesA.getCandidate(ofA.getProductId(), first.id());
        assertThat(detail.getRank()).isNull();
        assertThat(detail.getMatch().getTotal()).isEqualTo(97);
        assertThat(detail.getIpAssets().getAssets()).singleElement().satisfies(a -> {
            assertThat(a.getKind()).isEqualTo("INVENTION");
            assertThat(a.getAppraisedValue()).isEqualByComparingTo("4000000");
        });

        // what the enterprise sees: the detail view, then its listing in the first page (newest first)
        JsonNode log = http.with(first.person().token()).get(LIB + "/" + first.id() + "/bank-views").json();
        assertThat(log.get("page").get("totalElements").asLong()).isEqualTo(2);
        assertThat(kinds(log)).containsExactly("VIEWED", "LISTED");
        assertThat(log.get("items").get(0).get("bankId").asLong()).isEqualTo(bankA);
        assertThat(log.get("items").get(0).get("productId").asLong()).isEqualTo(ofA.getProductId());
        assertThat(kinds(http.with(second.person().token()).get(LIB + "/" + second.id() + "/bank-views").json()))
                .as("listed by A twice and by B once").containsExactly("LISTED", "LISTED", "LISTED");
        assertThat(http.with(person(Role.SME, null, null, null).token()).get(LIB + "/" + first.id() + "/bank-views")
                .code()).isEqualTo("ENTERPRISE_NOT_FOUND");

        // a revoked consent takes the enterprise out at once, detail included
        long consentId = jdbc.queryForObject("SELECT id FROM data_sharing_consent WHERE enterprise_id = ?",
                Long.class, first.id());
        assertThat(http.with(first.person().token()).post(LIB + "/" + first.id() + "/consents/" + consentId
                + "/revocation", null).status()).isEqualTo(200);
        assertThat(ids(candidatesA.searchCandidates(ofA.getProductId(), 0, 20))).containsExactly(second.id());
        assertThat(problemCode(() -> candidatesA.getCandidate(ofA.getProductId(), first.id())))
                .isEqualTo("CANDIDATE_NOT_FOUND");
    }

    @Test
    void onlyTheSharedScopesAreShownAndBothConsentsAddUp() throws Exception {
        String admin = adminToken();
        long bankId = bank(admin);
        BankCandidatesApi candidates = new BankCandidatesApi(sdk(app(admin, bankId, null)));
        String industry = "N7712";
        LoanProduct product = new BankProductsApi(sdk(app(admin, bankId, null))).publishProduct(key(), form(industry));
        Sme sme = admitted(industry, 4_000_000, 2_000_000, null);
        JsonNode granted = consent(sme, bankId, List.of("CREDIT"));
        assertThat(granted.get("scopes")).extracting(JsonNode::asString).containsExactly("PROFILE", "CREDIT");

        Candidate c = candidates.searchCandidates(product.getProductId(), 0, 20).getItems().get(0);
        assertThat(c.getSharedScopes()).containsExactly(DataScope.PROFILE, DataScope.CREDIT);
        assertThat(c.getProfile().getDistrictCode()).isEqualTo(DISTRICT);
        assertThat(c.getProfile().getSizeClass()).isEqualTo("SMALL");
        assertThat(c.getCreditRating().getRating()).isEqualTo("AAA");
        assertThat(c.getFinancials()).isNull();
        assertThat(c.getLegalRepresentativeName()).isNull();
        assertThat(c.getFinancingDemand()).isNull();
        assertThat(c.getIpAssets()).isNull();
        assertThat(c.getMatch().getTotal()).as("the ranking is the bank's to know").isEqualTo(77);
        assertThat(criterion(c, "AMOUNT").getReason()).isEqualTo("withheld: [FINANCING_DEMAND] not shared");
        assertThat(criterion(c, "COLLATERAL").getReason()).startsWith("withheld");
        assertThat(score(c, "COVERAGE").getBasis()).startsWith("withheld");
        assertThat(score(c, "RATE").getBasis()).contains("30 bp");

        consent(sme, null, List.of("FINANCING_DEMAND", "LEGAL_REPRESENTATIVE"));
        Candidate both = candidates.getCandidate(product.getProductId(), sme.id());
        assertThat(both.getSharedScopes()).containsExactly(DataScope.PROFILE, DataScope.LEGAL_REPRESENTATIVE,
                DataScope.CREDIT, DataScope.FINANCING_DEMAND);
        assertThat(both.getLegalRepresentativeName()).isEqualTo("张建华");
        assertThat(both.getFinancingDemand().getAmount()).isEqualByComparingTo("2000000");
        assertThat(criterion(both, "AMOUNT").getReason()).contains("2000000");
        assertThat(score(both, "COVERAGE").getBasis()).as("still needs IP_ASSETS").startsWith("withheld");
        assertThat(both.getIpAssets()).isNull();
    }

    @Test
    void theCurrentVersionIsSearchedAndItsHardCriteriaExclude() throws Exception {
        String admin = adminToken();
        long bankId = bank(admin);
        BankProductsApi products = new BankProductsApi(sdk(app(admin, bankId, null)));
        BankCandidatesApi candidates = new BankCandidatesApi(sdk(app(admin, bankId, null)));
        String industry = "N7713";
        LoanProduct v1 = products.publishProduct(key(), form(industry));
        Sme sme = admitted(industry, 4_000_000, 2_000_000, null);
        consent(sme, null, null);
        assertThat(ids(candidates.searchCandidates(v1.getProductId(), 0, 20))).containsExactly(sme.id());

        LoanProduct v2 = products.reviseProduct(v1.getProductId(), key(),
                form(industry).targetDistrictCodes(List.of("370202")));
        CandidatePage page = candidates.searchCandidates(v1.getProductId(), 0, 20);
        assertThat(page.getProductId()).as("a superseded version names its product").isEqualTo(v2.getProductId());
        assertThat(page.getVersion()).isEqualTo(2);
        assertThat(page.getItems()).as("district 370211 is not served").isEmpty();
        assertThat(page.getPage().getTotalElements()).isZero();
        Candidate detail = candidates.getCandidate(v2.getProductId(), sme.id());
        assertThat(detail.getMatch().getEligible()).as("the detail explains why").isFalse();
        assertThat(criterion(detail, "DISTRICT").getPassed()).isFalse();

        LoanProduct v3 = products.reviseProduct(v2.getProductId(), key(),
                form(industry).minValidInventionPatents(2));
        assertThat(candidates.searchCandidates(v3.getProductId(), 0, 20).getItems()).as("one invention only")
                .isEmpty();
        products.withdrawProduct(v3.getProductId(), key());
        assertThat(problemCode(() -> candidates.searchCandidates(v1.getProductId(), 0, 20)))
                .isEqualTo("PRODUCT_WITHDRAWN");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static LoanProductForm form(String industry) {
        return new LoanProductForm()
                .name(unique("知识产权贷"))
                .amountMin(new BigDecimal("100000"))
                .amountMax(new BigDecimal("5000000"))
                .termMonthsMin(6)
                .termMonthsMax(24)
                .spreadBpMin(30)
                .spreadBpMax(150)
                .maxPledgeRate(new BigDecimal("0.5"))
                .acceptedCollateral(new LinkedHashSet<>(List.of(CollateralKind.INVENTION)))
                .targetIndustryPrefixes(List.of(industry))
                .windowStart(LocalDate.of(2026, 1, 1));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    /** Registered by its own SME user in the industry, with one valid invention patent. */
    private Sme registered(String industry) {
        Person sme = person(Role.SME, null, null, null);
        Map<String, Object> profile = new LinkedHashMap<>(strongProfile(uscc(DISTRICT), DISTRICT));
        profile.put("industryCode", industry);
        long id = register(sme.token(), profile).get("enterpriseId").asLong();
        addInvention(districtReviewer(DISTRICT).token(), id, false);
        return new Sme(sme, id);
    }

    /**
     * Two instances on one database and Redis: a ranking cached by the other instance is not served after a consent
     * is granted or revoked, or an enterprise is suspended, through this one.
     */
    @Test
    void consentAndAdmissionChangesReachTheRankingsOfEveryInstanceAtOnce() throws Exception {
        String admin = adminToken();
        long bankId = bank(admin);
        BankCredentials app = app(admin, bankId, null);
        String industry = "N7795";
        LoanProduct product = new BankProductsApi(sdk(app)).publishProduct(key(), form(industry));
        Sme first = admitted(industry, 4_000_000, 2_000_000, null);
        JsonNode firstConsent = consent(first, bankId, null);
        Sme second = admitted(industry, 3_000_000, 2_000_000, null);
        Sme third = admitted(industry, 2_000_000, 2_000_000, null);
        consent(third, bankId, null);

        try (ConfigurableApplicationContext other = OtherInstance.start("second-instance", true, Map.of())) {
            BankCandidatesApi elsewhere = new BankCandidatesApi(
                    IpfBankClients.create("http://localhost:" + OtherInstance.port(other), app.appId(), app.secret()));
            CandidatePage cached = elsewhere.searchCandidates(product.getProductId(), 0, 20);
            assertThat(ids(cached)).containsExactly(first.id(), third.id());

            consent(second, bankId, null);
            CandidatePage granted = elsewhere.searchCandidates(product.getProductId(), 0, 20);
            assertThat(ids(granted)).as("a consent granted on this instance").containsExactly(first.id(),
                    second.id(), third.id());

            assertThat(http.with(first.person().token()).post(LIB + "/" + first.id() + "/consents/"
                    + firstConsent.get("consentId").asLong() + "/revocation", null).status()).isEqualTo(200);
            CandidatePage revoked = elsewhere.searchCandidates(product.getProductId(), 0, 20);
            assertThat(ids(revoked)).as("a consent revoked on this instance").containsExactly(second.id(),
                    third.id());
            assertThat(revoked.getPage().getTotalElements()).isEqualTo(2);
            assertThat(revoked.getItems().get(0).getRank()).isEqualTo(1);

            assertThat(http.with(cityReviewer().token()).post(LIB + "/" + third.id() + "/dishonesty-listings",
                    Map.of("listedOn", today().toString(), "source", "信用中国")).status()).isEqualTo(201);
            CandidatePage suspended = elsewhere.searchCandidates(product.getProductId(), 0, 20);
            assertThat(ids(suspended)).as("an enterprise suspended on this instance").containsExactly(second.id());
            assertThat(suspended.getPage().getTotalElements()).isEqualTo(1);
        }
    }

    /**
     * The ranking is computed from the match profiles, which the library's writes keep: a new appraisal and a demand
     * naming the bank, recorded after a ranking, take effect in the next ranking computed (a new product's here).
     */
    @Test
    void aLibraryWriteReachesTheNextRankingComputed() throws Exception {
        String admin = adminToken();
        long bankId = bank(admin);
        BankCredentials app = app(admin, bankId, null);
        BankProductsApi products = new BankProductsApi(sdk(app));
        BankCandidatesApi candidates = new BankCandidatesApi(sdk(app));
        String industry = "N7731";
        Sme low = admitted(industry, 2_000_000, 2_000_000, null);
        consent(low, bankId, null);
        Sme high = admitted(industry, 4_000_000, 2_000_000, null);
        consent(high, bankId, null);
        CandidatePage before = candidates.searchCandidates(products.publishProduct(key(), form(industry))
                .getProductId(), 0, 20);
        assertThat(ids(before)).containsExactly(high.id(), low.id());
        assertThat(before.getItems().get(1).getMatch().getTotal()).as("25 + 27").isEqualTo(52);

        String token = districtReviewer(DISTRICT).token();
        long patentId = jdbc.queryForObject("SELECT patent_id FROM patent_owner WHERE enterprise_id = ?", Long.class,
                low.id());
        assertThat(http.with(token).post(LIB + "/" + low.id() + "/appraisals", Map.of("assetKind", "PATENT",
                "assetId", patentId, "appraisedValue", 4_000_000, "appraiser", "青岛天和资产评估有限公司",
                "reportNo", unique("PG"), "appraisedOn", today().toString())).status()).isEqualTo(201);
        assertThat(http.with(token).put(LIB + "/" + low.id() + "/demand", Map.of("amount", 2_000_000,
                "termMonths", 12, "purpose", "研发", "preferredBankIds", List.of(bankId))).status()).isEqualTo(200);

        CandidatePage after = candidates.searchCandidates(products.publishProduct(key(), form(industry))
                .getProductId(), 0, 20);
        assertThat(ids(after)).containsExactly(low.id(), high.id());
        Candidate first = after.getItems().get(0);
        assertThat(first.getMatch().getTotal()).as("50 + 27 + 20").isEqualTo(97);
        assertThat(first.getIpAssets().getAppraisedValue()).isEqualByComparingTo("4000000");
        assertThat(first.getFinancingDemand().getNamesThisBank()).isTrue();
    }

    /** Registered, admitted, its invention appraised and an open demand (12 months) stated after admission. */
    private Sme admitted(String industry, long appraised, long demand, Long preferredBank) {
        Sme sme = registered(industry);
        admit(sme.id(), DISTRICT);
        String token = districtReviewer(DISTRICT).token();
        String path = LIB + "/" + sme.id();
        long patentId = jdbc.queryForObject("SELECT patent_id FROM patent_owner WHERE enterprise_id = ?", Long.class,
                sme.id());
        Http.Response appraisal = http.with(token).post(path + "/appraisals", Map.of("assetKind", "PATENT",
                "assetId", patentId, "appraisedValue", appraised, "appraiser", "青岛天和资产评估有限公司",
                "reportNo", unique("PG"), "appraisedOn", today().minusDays(10).toString()));
        assertThat(appraisal.status()).as("appraisal: %s", appraisal).isEqualTo(201);
        Map<String, Object> form = new LinkedHashMap<>(Map.of("amount", demand, "termMonths", 12, "purpose", "研发"));
        if (preferredBank != null) {
            form.put("preferredBankIds", List.of(preferredBank));
        }
        Http.Response stated = http.with(token).put(path + "/demand", form);
        assertThat(stated.status()).as("demand: %s", stated).isEqualTo(200);
        return sme;
    }

    private JsonNode consent(Sme sme, Long bankId, List<String> scopes) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (bankId != null) {
            body.put("bankId", bankId);
        }
        if (scopes != null) {
            body.put("scopes", scopes);
        }
        Http.Response r = http.with(sme.person().token()).post(LIB + "/" + sme.id() + "/consents", body);
        assertThat(r.status()).as("consent: %s", r).isEqualTo(201);
        return r.json();
    }

    private static List<Long> ids(CandidatePage page) {
        return page.getItems().stream().map(Candidate::getEnterpriseId).toList();
    }

    private static List<String> kinds(JsonNode log) {
        List<String> kinds = new ArrayList<>();
        log.get("items").forEach(v -> kinds.add(v.get("kind").asString()));
        return kinds;
    }

    private static MatchCriterion criterion(Candidate c, String name) {
        return c.getMatch().getCriteria().stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    private static MatchScorePart score(Candidate c, String name) {
        return c.getMatch().getScore().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }
}
