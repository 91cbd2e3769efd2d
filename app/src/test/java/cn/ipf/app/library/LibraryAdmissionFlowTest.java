package cn.ipf.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.policy.CnPatentNumber;
import cn.ipf.app.library.policy.Uscc;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The project library's admission workflow through HTTP: an SME registers its enterprise and its IP, is screened,
 * submits, and passes the district and city levels; returns, rejections, maker-checker, illegal transitions, failed
 * gates and the serious-dishonesty list are refused or applied as the rules say, and refused input writes nothing.
 */
class LibraryAdmissionFlowTest extends LibraryTestSupport {

    private static final String DISTRICT = "370202";

    @Test
    void smeRegistersItsEnterpriseAndIsAdmittedThroughBothLevels() {
        Person sme = person(Role.SME, null, null, null);
        String uscc = uscc(DISTRICT);

        // registration: DRAFT, size derived, identity number masked and never echoed
        Http.Response registered = http.with(sme.token()).post(LIB, strongProfile(uscc, DISTRICT));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        JsonNode e = registered.json();
        long id = e.get("enterpriseId").asLong();
        assertThat(registered.header("Location")).endsWith(LIB + "/" + id);
        assertThat(e.get("uscc").asString()).isEqualTo(uscc);
        assertThat(e.get("status").asString()).isEqualTo("DRAFT");
        assertThat(e.get("sizeClass").asString()).isEqualTo("SMALL");
        assertThat(e.get("sector").asString()).isEqualTo("INDUSTRY");
        assertThat(e.get("legalRepresentativeIdMasked").asString()).isEqualTo(ID_MASKED);
        assertThat(registered.body()).doesNotContain(ID_NUMBER).doesNotContain("19800101");
        assertThat(absent(e, "admittedOn")).isTrue();
        assertThat(e.get("recommended").asBoolean()).isFalse();
        assertThat(e.get("dishonestyListed").asBoolean()).isFalse();
        String stored = jdbc.queryForObject("SELECT legal_rep_id_cipher FROM enterprise WHERE id = ?", String.class,
                id);
        assertThat(stored).isNotBlank().doesNotContain(ID_NUMBER).doesNotContain("19800101");

        // the SME is bound now: the same (unrefreshed) token sees it
        Http.Response me = http.with(sme.token()).get("/api/v1/me");
        assertThat(me.json().get("enterpriseId").asLong()).isEqualTo(id);
        Http.Response got = http.with(sme.token()).get(LIB + "/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).doesNotContain(ID_NUMBER);
        assertThat(got.json().get("legalRepresentativeIdMasked").asString()).isEqualTo(ID_MASKED);

        // IP assets, appraisal and demand
        String digits = patentDigits('1');
        Http.Response patent = http.with(sme.token()).post(LIB + "/" + id + "/patents",
                patentForm(zl(digits), "INVENTION", false));
        assertThat(patent.status()).as(patent.toString()).isEqualTo(201);
        assertThat(patent.json().get("applicationNo").asString()).isEqualTo(canonical(digits));
        assertThat(patent.json().get("type").asString()).isEqualTo("INVENTION");
        assertThat(patent.json().get("ownerEnterpriseIds").get(0).asLong()).isEqualTo(id);
        assertThat(patent.json().get("everPledged").asBoolean()).isFalse();
        long patentId = patent.json().get("patentId").asLong();

        String registrationNo = String.valueOf(100_000_000L + (long) (Math.random() * 800_000_000L));
        Http.Response trademark = http.with(sme.token()).post(LIB + "/" + id + "/trademarks", Map.of(
                "registrationNo", registrationNo, "markName", "深蓝", "niceClass", 9, "validUntil", "2034-05-20"));
        assertThat(trademark.status()).as(trademark.toString()).isEqualTo(201);
        assertThat(trademark.json().get("niceClass").asInt()).isEqualTo(9);

        Http.Response appraisal = http.with(sme.token()).post(LIB + "/" + id + "/appraisals", Map.of(
                "assetKind", "PATENT", "assetId", patentId, "appraisedValue", 5_000_000,
                "appraiser", "青岛天和资产评估有限公司", "reportNo", unique("TH-PG"), "appraisedOn", "2025-06-01"));
        assertThat(appraisal.status()).as(appraisal.toString()).isEqualTo(201);
        assertThat(appraisal.json().get("appraisedValue").decimalValue()).isEqualByComparingTo("5000000");

        Http.Response demand = http.with(sme.token()).put(LIB + "/" + id + "/demand", Map.of("amount", 2_000_000,
                "termMonths", 12, "purpose", "研发投入", "preferredBankIds", List.of(1), "neededBy", "2030-06-30"));
        assertThat(demand.status()).as(demand.toString()).isEqualTo(200);
        assertThat(demand.json().get("preferredBankIds").get(0).asLong()).isEqualTo(1);
        assertThat(enterprise(sme.token(), id).get("hasOpenDemand").asBoolean()).isTrue();

        List<JsonNode> patents = list(http.with(sme.token()).get(LIB + "/" + id + "/patents"));
        assertThat(patents).hasSize(1);
        assertThat(patents.get(0).get("latestAppraisal").get("appraisedValue").decimalValue())
                .isEqualByComparingTo("5000000");

        // preview: gates passed; 1 valid invention → 10, demand 2 M ≤ 0.5 × 5 M → 10 (the default rules)
        // credit ratings are the reviewers' to record
        assertThat(http.with(districtReviewer(DISTRICT).token()).post(LIB + "/" + id + "/credit-ratings", Map.of(
                "rating", "AAA", "source", "青岛市公共信用信息平台", "ratedOn", today().minusDays(1).toString()))
                .status()).isEqualTo(201);
        Http.Response preview = http.with(sme.token()).get(LIB + "/" + id + "/screening");
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode screening = preview.json();
        assertThat(screening.get("gatesPassed").asBoolean()).isTrue();
        assertThat(screening.get("gates").valueStream().map(g -> g.get("gate").asString()).toList())
                .containsExactly("SME_SIZE", "NOT_DISHONEST", "VALID_PATENT", "NO_RECENT_DEFAULT");
        assertThat(points(screening, "VALID_INVENTIONS")).isEqualTo(10);
        assertThat(points(screening, "DEMAND_FIT")).isEqualTo(10);
        assertThat(points(screening, "CREDIT_RATING")).isEqualTo(20);
        // 10 invention + 10 GB/T 29490 + 8 high-tech + 7 专精特新 + 20 AAA + 10 demand covered
        assertThat(screening.get("score").asInt()).isEqualTo(65).isEqualTo(sumOfLines(screening));
        assertThat(decisionCount(id)).as("a preview records nothing").isZero();
        int ruleSetVersion = screening.get("ruleSetVersion").asInt();

        // submission freezes the screening
        JsonNode submission = submitted(sme.token(), id);
        assertThat(submission.get("action").asString()).isEqualTo("SUBMIT");
        assertThat(submission.get("fromStatus").asString()).isEqualTo("DRAFT");
        assertThat(submission.get("toStatus").asString()).isEqualTo("SUBMITTED");
        assertThat(submission.get("actorUserId").asLong()).isEqualTo(sme.id());
        assertThat(submission.get("actorRole").asString()).isEqualTo("SME");
        assertThat(submission.get("screening").get("ruleSetVersion").asInt()).isEqualTo(ruleSetVersion);
        assertThat(submission.get("screening").get("score").asInt()).isEqualTo(65);
        assertThat(submission.get("screening").get("lines")).hasSize(7);

        // first level: the district reviewer of the enterprise's district
        Person dr = districtReviewer(DISTRICT);
        JsonNode first = decided(dr.token(), id, "DISTRICT_APPROVE", "材料齐全");
        assertThat(first.get("fromStatus").asString()).isEqualTo("SUBMITTED");
        assertThat(first.get("toStatus").asString()).isEqualTo("DISTRICT_APPROVED");
        assertThat(first.get("actorUserId").asLong()).isEqualTo(dr.id());
        assertThat(first.get("actorRole").asString()).isEqualTo("DISTRICT_REVIEWER");

        // second level: a city reviewer
        Person city = cityReviewer();
        JsonNode second = decided(city.token(), id, "CITY_APPROVE", null);
        assertThat(second.get("toStatus").asString()).isEqualTo("ADMITTED");
        assertThat(second.get("actorRole").asString()).isEqualTo("CITY_REVIEWER");

        Http.Response found = http.with(city.token())
                .get(LIB + "?districtCode=" + DISTRICT + "&status=ADMITTED&size=200");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains(uscc).doesNotContain(ID_NUMBER);

        JsonNode admitted = enterprise(sme.token(), id);
        assertThat(admitted.get("status").asString()).isEqualTo("ADMITTED");
        assertThat(admitted.get("admittedOn").asString()).isEqualTo(today().toString());
        assertThat(admitted.get("score").asInt()).isEqualTo(65);
        assertThat(admitted.get("ruleSetVersion").asInt()).isEqualTo(ruleSetVersion);

        // the history, oldest first, with actors, scores and the rule-set version
        List<JsonNode> history = decisions(city.token(), id);
        assertThat(history).extracting(d -> d.get("action").asString())
                .containsExactly("SUBMIT", "DISTRICT_APPROVE", "CITY_APPROVE");
        assertThat(history).extracting(d -> d.get("actorUserId").asLong())
                .containsExactly(sme.id(), dr.id(), city.id());
        assertThat(history).extracting(d -> d.get("screening").get("ruleSetVersion").asInt())
                .containsOnly(ruleSetVersion);
        assertThat(history).extracting(d -> d.get("screening").get("score").asInt()).containsOnly(65);
        assertThat(history.get(1).get("comment").asString()).isEqualTo("材料齐全");
        assertThat(decisions(sme.token(), id)).hasSize(3);

        // every step audited, with the score and rule-set version
        List<JsonNode> events = auditEvents(id);
        assertThat(events).extracting(ev -> ev.get("action").asString())
                .contains("ENTERPRISE_REGISTERED", "DEMAND_STATED", "LIBRARY_SUBMIT", "LIBRARY_DISTRICT_APPROVE",
                        "LIBRARY_CITY_APPROVE");
        JsonNode cityEvent = events.stream().filter(ev -> ev.get("action").asString().equals("LIBRARY_CITY_APPROVE"))
                .findFirst().orElseThrow();
        assertThat(cityEvent.get("actorId").asString()).isEqualTo(String.valueOf(city.id()));
        assertThat(cityEvent.get("summary").asString()).contains("\"score\":65")
                .contains("\"ruleSetVersion\":" + ruleSetVersion);
        assertThat(events).allSatisfy(ev -> assertThat(ev.toString()).doesNotContain(ID_NUMBER));
    }

    @Test
    void aReturnNeedsACommentAndTheSmeResubmitsAfterUpdating() {
        Person sme = person(Role.SME, null, null, null);
        String uscc = uscc(DISTRICT);
        Map<String, Object> profile = smallProfile(uscc, DISTRICT);
        long id = register(sme.token(), profile).get("enterpriseId").asLong();
        addInvention(sme.token(), id, false);
        submitted(sme.token(), id);
        Person dr = districtReviewer(DISTRICT);

        Http.Response noComment = decide(dr.token(), id, "RETURN", null);
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.code()).isEqualTo("COMMENT_REQUIRED");
        assertThat(decide(dr.token(), id, "RETURN", "   ").code()).isEqualTo("COMMENT_REQUIRED");
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(decisionCount(id)).isEqualTo(1);

        JsonNode returned = decided(dr.token(), id, "RETURN", "请补充近三年财务报表");
        assertThat(returned.get("toStatus").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("comment").asString()).isEqualTo("请补充近三年财务报表");
        assertThat(enterprise(sme.token(), id).get("status").asString()).isEqualTo("RETURNED");

        // the SME corrects its profile (the USCC cannot change) and resubmits
        profile.put("name", profile.get("name") + "（更正）");
        profile.put("employees", 60);
        profile.remove("legalRepresentativeIdNumber");
        Http.Response updated = http.with(sme.token()).put(LIB + "/" + id, profile);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("name").asString()).endsWith("（更正）");
        assertThat(updated.json().get("employees").asInt()).isEqualTo(60);
        assertThat(updated.json().get("legalRepresentativeIdMasked").asString())
                .as("an update without a new identity number keeps the old one").isEqualTo(ID_MASKED);
        Map<String, Object> otherUscc = new LinkedHashMap<>(profile);
        otherUscc.put("uscc", uscc(DISTRICT));
        assertThat(http.with(sme.token()).put(LIB + "/" + id, otherUscc).code()).isEqualTo("USCC_IMMUTABLE");

        JsonNode resubmitted = submitted(sme.token(), id);
        assertThat(resubmitted.get("fromStatus").asString()).isEqualTo("RETURNED");
        assertThat(resubmitted.get("toStatus").asString()).isEqualTo("SUBMITTED");
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(decisions(sme.token(), id)).extracting(d -> d.get("action").asString())
                .containsExactly("SUBMIT", "RETURN", "SUBMIT");
    }

    @Test
    void onlyTheCityReviewerMayRejectAtTheSecondLevel() {
        long id = registerSmall(DISTRICT);
        Person dr = districtReviewer(DISTRICT);
        addInvention(dr.token(), id, false);
        qualify(id);
        submitted(dr.token(), id);
        decided(dr.token(), id, "DISTRICT_APPROVE", null);

        Http.Response drReturn = decide(dr.token(), id, "RETURN", "退回");
        assertThat(drReturn.status()).isEqualTo(403);
        assertThat(drReturn.code()).isEqualTo("FORBIDDEN");
        assertThat(decide(dr.token(), id, "REJECT", "驳回").status()).isEqualTo(403);
        assertThat(decide(dr.token(), id, "CITY_APPROVE", null).status()).isEqualTo(403);
        assertThat(status(id)).isEqualTo("DISTRICT_APPROVED");
        assertThat(decisionCount(id)).isEqualTo(2);

        Person city = cityReviewer();
        assertThat(decide(city.token(), id, "REJECT", null).code()).isEqualTo("COMMENT_REQUIRED");
        JsonNode rejected = decided(city.token(), id, "REJECT", "核心专利与主营业务关联度不足");
        assertThat(rejected.get("fromStatus").asString()).isEqualTo("DISTRICT_APPROVED");
        assertThat(rejected.get("toStatus").asString()).isEqualTo("REJECTED");
        assertThat(enterprise(city.token(), id).get("status").asString()).isEqualTo("REJECTED");
        assertThat(decisionCount(id)).isEqualTo(3);
    }

    @Test
    void theCityReviewerWhoGaveTheFirstApprovalMayNotGiveTheSecond() {
        long id = registerSmall(DISTRICT);
        Person dr = districtReviewer(DISTRICT);
        addInvention(dr.token(), id, false);
        qualify(id);
        submitted(dr.token(), id);

        Person maker = cityReviewer();
        JsonNode first = decided(maker.token(), id, "DISTRICT_APPROVE", null);
        assertThat(first.get("toStatus").asString()).isEqualTo("DISTRICT_APPROVED");
        assertThat(first.get("actorRole").asString()).isEqualTo("CITY_REVIEWER");

        Http.Response self = decide(maker.token(), id, "CITY_APPROVE", null);
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.code()).isEqualTo("MAKER_CHECKER");
        assertThat(status(id)).isEqualTo("DISTRICT_APPROVED");
        assertThat(decisionCount(id)).isEqualTo(2);

        Person checker = otherCityReviewer();
        JsonNode second = decided(checker.token(), id, "CITY_APPROVE", null);
        assertThat(second.get("toStatus").asString()).isEqualTo("ADMITTED");
        assertThat(second.get("actorUserId").asLong()).isEqualTo(checker.id());
    }

    @Test
    void makerCheckerHoldsWhenBothApprovalsArriveTogether() throws Exception {
        long id = registerSmall(DISTRICT);
        Person dr = districtReviewer(DISTRICT);
        addInvention(dr.token(), id, false);
        qualify(id);
        submitted(dr.token(), id);
        Person maker = cityReviewer();

        // the city reviewer sends its district approval and, right behind it, its city approval; the second is
        // decided after the first has committed, and must still see who gave the first
        List<Http.Response> both = whileRowLocked("library_entry", id, List.of(
                () -> decide(maker.token(), id, "DISTRICT_APPROVE", null),
                () -> decide(maker.token(), id, "CITY_APPROVE", null)));
        assertThat(both.get(0).status()).as(both.get(0).toString()).isEqualTo(201);
        assertThat(both.get(1).status()).as(both.get(1).toString()).isEqualTo(409);
        assertThat(both.get(1).code()).isEqualTo("MAKER_CHECKER");
        assertThat(status(id)).isEqualTo("DISTRICT_APPROVED");
        assertThat(decisions(maker.token(), id)).extracting(d -> d.get("action").asString())
                .containsExactly("SUBMIT", "DISTRICT_APPROVE");
    }

    @Test
    void anSmeRegistersOneEnterpriseEvenWhenTwoRegistrationsArriveTogether() throws Exception {
        Person sme = person(Role.SME, null, null, null);
        String first = uscc(DISTRICT);
        String second = uscc(DISTRICT);
        // both requests find the SME unbound before either binds it
        List<Http.Response> both = whileRowLocked("app_user", sme.id(), List.of(
                () -> http.with(sme.token()).post(LIB, smallProfile(first, DISTRICT)),
                () -> http.with(sme.token()).post(LIB, smallProfile(second, DISTRICT))));
        List<Http.Response> created = both.stream().filter(r -> r.status() == 201).toList();
        List<Http.Response> refused = both.stream().filter(r -> r.status() != 201).toList();
        assertThat(created).as("%s", both).hasSize(1);
        assertThat(refused).as("the other registration must not leave an enterprise its SME cannot see: %s", both)
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.code()).isEqualTo("ENTERPRISE_ALREADY_BOUND");
                });
        assertThat(http.with(sme.token()).get("/api/v1/me").json().get("enterpriseId").asLong())
                .isEqualTo(created.get(0).json().get("enterpriseId").asLong());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM enterprise WHERE uscc IN (?, ?)", Long.class, first,
                second)).isEqualTo(1);
    }

    @Test
    void illegalTransitionsAreRefusedWithTheCurrentStateAndWriteNothing() {
        long draft = registerSmall(DISTRICT);
        Person dr = districtReviewer(DISTRICT);
        addInvention(dr.token(), draft, false);
        Person city = cityReviewer();

        Http.Response early = decide(city.token(), draft, "CITY_APPROVE", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(early.json().get("currentState").asString()).isEqualTo("DRAFT");
        Http.Response notSubmitted = decide(dr.token(), draft, "DISTRICT_APPROVE", null);
        assertThat(notSubmitted.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(notSubmitted.json().get("currentState").asString()).isEqualTo("DRAFT");
        assertThat(decide(dr.token(), draft, "RETURN", "x").json().get("currentState").asString())
                .isEqualTo("DRAFT");
        assertThat(status(draft)).isEqualTo("DRAFT");
        assertThat(decisionCount(draft)).isZero();

        submitted(dr.token(), draft);
        Http.Response twice = submit(dr.token(), draft);
        assertThat(twice.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(twice.json().get("currentState").asString()).isEqualTo("SUBMITTED");
        assertThat(twice.json().get("nextActor").asString()).isEqualTo("DISTRICT_REVIEWER");
        assertThat(twice.json().get("allowedActions").toString())
                .isEqualTo("[\"DISTRICT_APPROVE\",\"RETURN\",\"REJECT\"]");
        assertThat(twice.json().get("detail").asString()).contains("等待区县初审");
        assertThat(decisionCount(draft)).isEqualTo(1);

        long admitted = admittedSmall(DISTRICT);
        long before = count("admission_decision");
        Http.Response again = submit(dr.token(), admitted);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(again.json().get("currentState").asString()).isEqualTo("ADMITTED");
        Http.Response reapprove = decide(city.token(), admitted, "CITY_APPROVE", null);
        assertThat(reapprove.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(reapprove.json().get("currentState").asString()).isEqualTo("ADMITTED");
        assertThat(status(admitted)).isEqualTo("ADMITTED");
        assertThat(decisionCount(admitted)).isEqualTo(3);
        assertThat(count("admission_decision")).isEqualTo(before);
    }

    @Test
    void anEnterpriseFailingAHardGateCannotSubmit() {
        Person dr = districtReviewer(DISTRICT);
        long noPatent = registerSmall(DISTRICT);
        Http.Response refused = submit(dr.token(), noPatent);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SCREENING_GATE_FAILED");
        assertThat(errorFields(refused)).containsExactly("VALID_PATENT");
        assertThat(status(noPatent)).isEqualTo("DRAFT");
        assertThat(decisionCount(noPatent)).isZero();

        // a design patent or a lapsed invention does not open the gate
        Http.Response design = http.with(dr.token()).post(LIB + "/" + noPatent + "/patents",
                patentForm(zl(patentDigits('3')), "DESIGN", false));
        assertThat(design.status()).as(design.toString()).isEqualTo(201);
        Map<String, Object> lapsed = patentForm(zl(patentDigits('1')), "INVENTION", false);
        lapsed.put("legalStatus", "LAPSED");
        assertThat(http.with(dr.token()).post(LIB + "/" + noPatent + "/patents", lapsed).status()).isEqualTo(201);
        assertThat(errorFields(submit(dr.token(), noPatent))).containsExactly("VALID_PATENT");
        JsonNode preview = http.with(dr.token()).get(LIB + "/" + noPatent + "/screening").json();
        assertThat(preview.get("gatesPassed").asBoolean()).isFalse();

        // a large enterprise fails the SME size gate even with a valid patent
        Map<String, Object> large = smallProfile(uscc(DISTRICT), DISTRICT);
        large.put("employees", 2000);
        large.put("annualRevenue", 500_000_000);
        large.put("totalAssets", 900_000_000);
        JsonNode big = register(dr.token(), large);
        assertThat(big.get("sizeClass").asString()).isEqualTo("LARGE");
        long bigId = big.get("enterpriseId").asLong();
        addInvention(dr.token(), bigId, false);
        Http.Response tooBig = submit(dr.token(), bigId);
        assertThat(tooBig.code()).isEqualTo("SCREENING_GATE_FAILED");
        assertThat(errorFields(tooBig)).containsExactly("SME_SIZE");
        assertThat(decisionCount(bigId)).isZero();
    }

    @Test
    void aDishonestyListingSuspendsAtOnceAndDelistingDoesNotReadmit() {
        long id = admittedSmall(DISTRICT);
        Person dr = districtReviewer(DISTRICT);
        String listedOn = today().minusDays(10).toString();

        Http.Response future = http.with(dr.token()).post(LIB + "/" + id + "/dishonesty-listings",
                Map.of("listedOn", today().plusDays(2).toString(), "source", "信用中国"));
        assertThat(future.code()).isEqualTo("DATE_INVALID");
        assertThat(status(id)).isEqualTo("ADMITTED");

        Http.Response listed = http.with(dr.token()).post(LIB + "/" + id + "/dishonesty-listings",
                Map.of("listedOn", listedOn, "source", "信用中国（严重失信主体名单）"));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(201);
        long recordId = listed.json().get("recordId").asLong();
        assertThat(absent(listed.json(), "delistedOn")).isTrue();

        JsonNode suspended = enterprise(dr.token(), id);
        assertThat(suspended.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.get("dishonestyListed").asBoolean()).isTrue();
        List<JsonNode> history = decisions(dr.token(), id);
        JsonNode suspension = history.get(history.size() - 1);
        assertThat(suspension.get("action").asString()).isEqualTo("SUSPEND");
        assertThat(suspension.get("fromStatus").asString()).isEqualTo("ADMITTED");
        assertThat(suspension.get("toStatus").asString()).isEqualTo("SUSPENDED");
        assertThat(suspension.get("actorRole").asString()).isEqualTo("SYSTEM");
        assertThat(absent(suspension, "actorUserId")).isTrue();
        List<JsonNode> events = auditEvents(id);
        assertThat(events).anySatisfy(ev -> {
            assertThat(ev.get("action").asString()).isEqualTo("LIBRARY_SUSPEND");
            assertThat(ev.get("actorKind").asString()).isEqualTo("SYSTEM");
        });
        assertThat(events).anySatisfy(ev -> {
            assertThat(ev.get("action").asString()).isEqualTo("DISHONESTY_LISTED");
            assertThat(ev.get("actorId").asString()).isEqualTo(String.valueOf(dr.id()));
        });

        long decisionsBefore = decisionCount(id);
        Http.Response blocked = submit(dr.token(), id);
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.code()).isEqualTo("DISHONESTY_LISTED");
        Http.Response twice = http.with(dr.token()).post(LIB + "/" + id + "/dishonesty-listings",
                Map.of("listedOn", listedOn, "source", "信用中国"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("ALREADY_LISTED");
        assertThat(decisionCount(id)).isEqualTo(decisionsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dishonesty_record WHERE enterprise_id = ?", Long.class,
                id)).isEqualTo(1);

        String delisting = LIB + "/" + id + "/dishonesty-listings/" + recordId + "/delisting";
        Http.Response beforeListing = http.with(dr.token()).post(delisting,
                Map.of("delistedOn", today().minusDays(11).toString()));
        assertThat(beforeListing.code()).isEqualTo("DATE_INVALID");
        Http.Response delisted = http.with(dr.token()).post(delisting,
                Map.of("delistedOn", today().minusDays(1).toString()));
        assertThat(delisted.status()).as(delisted.toString()).isEqualTo(200);
        assertThat(delisted.json().get("delistedOn").asString()).isEqualTo(today().minusDays(1).toString());
        assertThat(LocalDate.parse(delisted.json().get("delistedOn").asString()))
                .isAfterOrEqualTo(LocalDate.parse(listedOn));
        assertThat(http.with(dr.token()).post(delisting, Map.of("delistedOn", today().toString())).code())
                .isEqualTo("ALREADY_DELISTED");

        JsonNode after = enterprise(dr.token(), id);
        assertThat(after.get("status").asString()).as("no automatic readmission").isEqualTo("SUSPENDED");
        assertThat(after.get("dishonestyListed").asBoolean()).isFalse();
        assertThat(decisionCount(id)).isEqualTo(decisionsBefore);
        List<JsonNode> records = list(http.with(dr.token()).get(LIB + "/" + id + "/dishonesty-listings"));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("listedOn").asString()).isEqualTo(listedOn);

        JsonNode resubmitted = submitted(dr.token(), id);
        assertThat(resubmitted.get("fromStatus").asString()).isEqualTo("SUSPENDED");
        assertThat(resubmitted.get("toStatus").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void invalidRegistrationsAndPatentNumbersWriteNothing() {
        Person sme = person(Role.SME, null, null, null);
        long enterprises = count("enterprise");
        long entries = count("library_entry");

        String valid = uscc(DISTRICT);
        char check = valid.charAt(17);
        char wrong = check == '0' ? '1' : '0';
        Http.Response badCheck = http.with(sme.token()).post(LIB,
                smallProfile(valid.substring(0, 17) + wrong, DISTRICT));
        assertThat(badCheck.status()).isEqualTo(400);
        assertThat(badCheck.code()).isEqualTo("USCC_INVALID");
        Http.Response withO = http.with(sme.token()).post(LIB,
                smallProfile(valid.substring(0, 16) + "O" + check, DISTRICT));
        assertThat(withO.code()).as("O is not in the USCC alphabet").isEqualTo("USCC_INVALID");
        Http.Response unknownDistrict = http.with(sme.token()).post(LIB, smallProfile(uscc("110101"), "110101"));
        assertThat(unknownDistrict.status()).isEqualTo(400);
        assertThat(unknownDistrict.code()).isEqualTo("DISTRICT_UNKNOWN");
        Map<String, Object> tooRich = smallProfile(uscc(DISTRICT), DISTRICT);
        tooRich.put("annualRevenue", new java.math.BigDecimal("1E30"));
        Http.Response overflow = http.with(sme.token()).post(LIB, tooRich);
        assertThat(overflow.status()).as("an amount beyond DECIMAL(19,2) is bad input, not a 500").isEqualTo(400);
        assertThat(errorFields(overflow)).contains("annualRevenue");
        Map<String, Object> badIndustry = smallProfile(uscc(DISTRICT), DISTRICT);
        badIndustry.put("industryCode", "C6513");
        assertThat(http.with(sme.token()).post(LIB, badIndustry).code()).isEqualTo("INDUSTRY_CODE_INVALID");
        assertThat(count("enterprise")).isEqualTo(enterprises);
        assertThat(count("library_entry")).isEqualTo(entries);
        assertThat(absent(http.with(sme.token()).get("/api/v1/me").json(), "enterpriseId"))
                .as("refused registrations do not bind the SME").isTrue();

        // the service upper-cases the USCC before checking it: a lower-case spelling of a valid code is accepted
        // and stored in canonical (upper-case) form
        String lower = valid.toLowerCase(Locale.ROOT);
        assertThat(Uscc.isValid(lower)).as("the policy itself takes upper case only").isFalse();
        Http.Response lowerCase = http.with(sme.token()).post(LIB, smallProfile(lower, DISTRICT));
        assertThat(lowerCase.status()).as(lowerCase.toString()).isEqualTo(201);
        assertThat(lowerCase.json().get("uscc").asString()).isEqualTo(valid);
        long id = lowerCase.json().get("enterpriseId").asLong();
        assertThat(jdbc.queryForObject("SELECT uscc FROM enterprise WHERE id = ?", String.class, id))
                .isEqualTo(valid);
        assertThat(count("enterprise")).isEqualTo(enterprises + 1);

        // the same code again, by anyone and in any case, is taken; a bound SME cannot register a second one
        Person dr = districtReviewer(DISTRICT);
        Http.Response taken = http.with(dr.token()).post(LIB, smallProfile(valid, DISTRICT));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("USCC_TAKEN");
        assertThat(http.with(dr.token()).post(LIB, smallProfile(lower, DISTRICT)).code()).isEqualTo("USCC_TAKEN");
        Http.Response second = http.with(sme.token()).post(LIB, smallProfile(uscc(DISTRICT), DISTRICT));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("ENTERPRISE_ALREADY_BOUND");
        assertThat(count("enterprise")).isEqualTo(enterprises + 1);

        // patent numbers
        long patents = count("patent");
        long owners = count("patent_owner");
        String digits = patentDigits('1');
        char patentCheck = CnPatentNumber.checkCharacter(digits);
        char wrongCheck = patentCheck == '0' ? '1' : '0';
        String path = LIB + "/" + id + "/patents";
        Http.Response wrongDigit = http.with(sme.token()).post(path,
                patentForm("ZL" + digits + "." + wrongCheck, "INVENTION", false));
        assertThat(wrongDigit.status()).isEqualTo(400);
        assertThat(wrongDigit.code()).isEqualTo("PATENT_NUMBER_INVALID");
        Http.Response elevenDigits = http.with(sme.token()).post(path,
                patentForm("ZL" + digits.substring(0, 11) + "." + patentCheck, "INVENTION", false));
        assertThat(elevenDigits.code()).isEqualTo("PATENT_NUMBER_INVALID");
        String utilityDigits = patentDigits('2');
        Http.Response mismatch = http.with(sme.token()).post(path, patentForm(zl(utilityDigits), "INVENTION", false));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.code()).isEqualTo("PATENT_TYPE_MISMATCH");
        assertThat(count("patent")).isEqualTo(patents);
        assertThat(count("patent_owner")).isEqualTo(owners);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM patent WHERE application_no IN (?, ?)", Long.class,
                canonical(digits), canonical(utilityDigits))).isZero();

        // accepted spellings all name the same canonical number: the second one is a duplicate
        Http.Response plain = http.with(sme.token()).post(path,
                patentForm("cn " + digits + "." + patentCheck, "INVENTION", false));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
        assertThat(plain.json().get("applicationNo").asString()).isEqualTo(canonical(digits));
        Http.Response duplicate = http.with(sme.token()).post(path, patentForm(zl(digits), "INVENTION", false));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("PATENT_ALREADY_REGISTERED");
        assertThat(count("patent")).isEqualTo(patents + 1);
        assertThat(count("patent_owner")).isEqualTo(owners + 1);
    }

    private static List<JsonNode> list(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().forEach(items::add);
        return items;
    }

    private static int points(JsonNode screening, String criterion) {
        return screening.get("lines").valueStream().filter(l -> l.get("criterion").asString().equals(criterion))
                .findFirst().orElseThrow().get("points").asInt();
    }

    private static int sumOfLines(JsonNode screening) {
        return screening.get("lines").valueStream().mapToInt(l -> l.get("points").asInt()).sum();
    }
}
