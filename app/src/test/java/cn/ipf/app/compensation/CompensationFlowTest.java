package cn.ipf.app.compensation;

import static cn.ipf.app.testinfra.BankForms.key;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.DefaultedLoans.Dates;
import cn.ipf.app.shared.export.ReportWorkbook;
import cn.ipf.app.testinfra.Http;
import cn.ipf.sdk.model.CompensationClaim;
import cn.ipf.sdk.model.CompensationClaimStatus;
import cn.ipf.sdk.model.RecoveryReport;
import cn.ipf.sdk.model.RecoverySource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 风险补偿 end to end: a bank files through its SDK, reviewers approve over HTTP, the risk-compensation job pays and
 * returns recoveries, and the ledger balances after every step (trial balance as a regulator reads it).
 */
class CompensationFlowTest extends CompensationTestSupport {

    @Test
    void defaultClaimApprovalsPayoutRecoveriesWithTheLedgerBalancedAtEachStep() throws Exception {
        JsonNode programme = programme(CITY, null);
        long p = id(programme);
        long provincial = fund(programme, "PROVINCIAL_FUND");
        long municipal = fund(programme, "MUNICIPAL_FUND");
        Bank bank = bank();
        agreement(p, bank.lender().bankId(), "2025-01-01", "1000000");
        assertThat(deposit(provincial, "DEPOSIT", "2000000").get("fundBalance").decimalValue())
                .isEqualByComparingTo("2000000");
        deposit(municipal, "DEPOSIT", "1000000");
        assertThat(balancedLedger(p).get("PROVINCIAL_FUND.ASSET")).isEqualByComparingTo("2000000");

        String loanRef = loans.loan(bank.lender(), loans.borrower(DISTRICT, true), "1000000", "0.8",
                Dates.standard());
        var form = claimForm(p, loanRef);
        CompensationClaim filed = bank.compensation().fileCompensationClaim(key(), form);
        assertThat(filed.getStatus()).isEqualTo(CompensationClaimStatus.FILED);
        assertThat(filed.getLossBase()).isEqualByComparingTo("800000.00");
        assertThat(filed.getGates()).hasSize(8).allMatch(g -> g.getPassed());
        assertThat(filed.getPayoutFinal()).isFalse();
        assertThat(filed.getPayoutLines()).extracting(l -> l.getAmount().toPlainString())
                .as("a preview before payment").containsExactly("320000.00", "160000.00", "320000.00");
        assertThat(bank.compensation().fileCompensationClaim(key(), form).getClaimId())
                .as("the same claim again is answered, not filed twice").isEqualTo(filed.getClaimId());
        assertThat(problemCode(() -> bank.compensation().fileCompensationClaim(key(), claimForm(p, loanRef)
                .externalId(form.getExternalId()).evidence(form.getEvidence().subList(0, 1)))))
                .isEqualTo("EXTERNAL_ID_CONFLICT");
        assertThat(problemCode(() -> file(bank, p, loanRef))).as("one standing claim per loan")
                .isEqualTo("COMPENSATION_GATE_FAILED");
        long claimId = filed.getClaimId();

        // two levels, two different people: a city reviewer who gave the district approval cannot give the city's
        Http.Response early = http.with(city("city-1").token()).post(CLAIMS + claimId + "/city-approval", null);
        assertThat(early.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(early.json().get("currentState").asString()).isEqualTo("FILED");
        assertThat(early.json().get("allowedActions").toString()).isEqualTo("[\"DISTRICT_APPROVE\",\"REJECT\"]");
        assertThat(early.json().get("nextActor").asString()).isEqualTo("DISTRICT_REVIEWER");
        assertThat(http.with(city("city-1").token()).post(CLAIMS + claimId + "/district-approval", null).status())
                .isEqualTo(200);
        assertThat(http.with(city("city-1").token()).post(CLAIMS + claimId + "/city-approval", null).code())
                .isEqualTo("MAKER_CHECKER");
        assertThat(http.with(regulatorPerson().token()).post(CLAIMS + claimId + "/city-approval", null).status())
                .as("regulators read only").isEqualTo(403);
        Http.Response approved = http.with(city("city-2").token()).post(CLAIMS + claimId + "/city-approval", null);
        assertThat(approved.json().get("status").asString()).isEqualTo("CITY_APPROVED");
        balancedLedger(p);

        settle(p);
        CompensationClaim paid = bank.compensation().getBankCompensationClaim(claimId);
        assertThat(paid.getStatus()).isEqualTo(CompensationClaimStatus.PAID);
        assertThat(paid.getPayoutFinal()).isTrue();
        assertThat(paid.getPayoutLines()).extracting(l -> l.getLayerCode() + "=" + l.getAmount().toPlainString())
                .containsExactly("PROVINCIAL_FUND=320000.00", "MUNICIPAL_FUND=160000.00", "BANK=320000.00");
        assertThat(paid.getPayoutLines().get(0).getJournalId()).isNotNull();
        assertThat(paid.getPayoutLines().get(2).getJournalId()).as("the bank's layer moves no money").isNull();
        assertThat(paid.getPayoutLines()).allSatisfy(l -> {
            assertThat(l.getLossBase()).isEqualByComparingTo("800000.00");
            assertThat(l.getRulesVersion()).isEqualTo(1);
            assertThat(l.getCapApplied()).isFalse();
        });
        Map<String, BigDecimal> afterPayout = balancedLedger(p);
        assertThat(afterPayout.get("PROVINCIAL_FUND.ASSET")).isEqualByComparingTo("1680000");
        assertThat(afterPayout.get("MUNICIPAL_FUND.ASSET")).isEqualByComparingTo("840000");
        assertThat(afterPayout.get("PROVINCIAL_FUND.EXPENSE")).isEqualByComparingTo("320000");

        // recoveries: net 100 000 in proportion; then more than the layers still bear: the rest is the bank's
        bank.lender().loans().reportRecovery(loanRef, key(), new RecoveryReport().externalId(loanRef + "-V1")
                .recoveredOn(LocalDate.of(2026, 9, 1)).grossAmount(new BigDecimal("150000"))
                .disposalCosts(new BigDecimal("50000")).source(RecoverySource.AUCTION));
        settle(p);
        Map<String, BigDecimal> afterFirst = balancedLedger(p);
        assertThat(afterFirst.get("PROVINCIAL_FUND.ASSET")).isEqualByComparingTo("1720000");
        assertThat(afterFirst.get("MUNICIPAL_FUND.ASSET")).isEqualByComparingTo("860000");
        bank.lender().loans().reportRecovery(loanRef, key(), new RecoveryReport().externalId(loanRef + "-V2")
                .recoveredOn(LocalDate.of(2026, 10, 1)).grossAmount(new BigDecimal("1000000"))
                .disposalCosts(BigDecimal.ZERO).source(RecoverySource.LICENSE));
        settle(p);
        settle(p); // nothing left to do: exactly once
        CompensationClaim returned = bank.compensation().getBankCompensationClaim(claimId);
        assertThat(returned.getRecoveryReturns()).hasSize(2);
        var first = returned.getRecoveryReturns().get(0);
        assertThat(first.getNet()).isEqualByComparingTo("100000");
        assertThat(first.getLines()).extracting(l -> l.getAmount().toPlainString())
                .containsExactly("40000.00", "20000.00", "40000.00");
        var large = returned.getRecoveryReturns().get(1);
        assertThat(large.getDistributable()).isEqualByComparingTo("700000");
        assertThat(large.getSurplus()).as("beyond L: surplus to the bank").isEqualByComparingTo("300000");
        assertThat(large.getLines()).extracting(l -> l.getAmount().toPlainString())
                .containsExactly("280000.00", "140000.00", "280000.00");
        Map<String, BigDecimal> end = balancedLedger(p);
        assertThat(end.get("PROVINCIAL_FUND.ASSET")).as("everything it paid came back").isEqualByComparingTo("2000000");
        assertThat(end.get("MUNICIPAL_FUND.INCOME")).isEqualByComparingTo("-160000");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_journal WHERE payout_claim_id = ?", Long.class,
                claimId)).isEqualTo(1);

        // exports: the ledger (one row per posting) and the payment orders (one per paid fund layer)
        Download csv = download(regulatorPerson().token(), "/api/v1/compensation/programmes/" + p
                + "/ledger-export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        List<String> rows = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(rows).hasSize(1 + 1 + 2 + 2 + 2 + 2);
        assertThat(rows.get(0)).startsWith("\uFEFF# 风险补偿资金总账：" + programme.get("name").asString())
                .contains("machine-readable");
        assertThat(rows.get(1)).startsWith("凭证号,记账日期,记账时间(UTC),类型,");
        assertThat(rows.subList(2, rows.size())).as("journal kinds stay codes in the CSV")
                .allMatch(r -> r.matches("J\\d+,[-\\d]+,[-\\d]+T[:.\\d]+Z,(DEPOSIT|TOP_UP|PAYOUT|RECOVERY_RETURN),.*"));
        String cityName = jdbc.queryForObject("SELECT name FROM region WHERE code = ?", String.class, CITY);
        Download ledgerBook = download(regulatorPerson().token(), "/api/v1/compensation/programmes/" + p
                + "/ledger-export?format=xlsx");
        ReportWorkbook.keep("compensation-ledger.xlsx", ledgerBook.body());
        ReportWorkbook.Sheet ledgerSheet = ReportWorkbook.read(ledgerBook.body()).sheet("总账");
        assertThat(ledgerSheet.text("A1")).isEqualTo("风险补偿资金总账：" + programme.get("name").asString() + "（总账）");
        assertThat(ledgerSheet.text("A2")).startsWith("区域：" + cityName + "　　期间：").endsWith("　　单位：元");
        assertThat(ledgerSheet.text("A3")).startsWith("生成时间：").contains("数据截至：");
        assertThat(ledgerSheet.row(4)).containsExactly("凭证号", "记账日期", "记账时间(UTC)", "类型", "摘要", "分录号",
                "借方科目代码", "借方科目", "贷方科目代码", "贷方科目", "金额(元)", "索赔编号", "追偿记录");
        assertThat(ledgerSheet.frozenRows()).isEqualTo(4);
        assertThat(ledgerSheet.text("D5")).isEqualTo("存入资金");
        assertThat(ledgerSheet.text("C5")).as("UTC to the second")
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        for (int r = 5; r <= 12; r++) {
            assertThat(ledgerSheet.text("D" + r)).as("a Chinese kind").isIn("存入资金", "追加资金", "代偿支付", "追偿返还");
            assertThat(ledgerSheet.format("K" + r)).isEqualTo("#,##0.00");
        }
        assertThat(ledgerSheet.text("A13")).isEqualTo("合计（8 笔）");
        assertThat(ledgerSheet.number("K13")).isEqualByComparingTo(ledgerSheet.sum("K", 5, 12));
        assertThat(ledgerSheet.format("K13")).isEqualTo("#,##0.00");
        assertThat(ledgerSheet.lastRow()).isEqualTo(13);

        Download xlsx = download(regulatorPerson().token(), "/api/v1/compensation/programmes/" + p
                + "/payment-orders?format=xlsx");
        ReportWorkbook.keep("compensation-payment-orders.xlsx", xlsx.body());
        ReportWorkbook.Sheet orders = ReportWorkbook.read(xlsx.body()).sheet("支付指令");
        assertThat(orders.text("A1")).isEqualTo("风险补偿支付指令：" + programme.get("name").asString() + "（支付指令）");
        assertThat(orders.text("A2")).startsWith("区域：" + cityName);
        assertThat(orders.row(4)).containsExactly("索赔编号", "银行索赔号", "收款银行", "贷款编号", "借款企业",
                "统一社会信用代码", "资金账户代码", "付款资金账户", "金额(元)", "损失基数L(元)", "凭证号", "支付日期");
        assertThat(orders.frozenRows()).isEqualTo(4);
        assertThat(orders.text("G5")).isEqualTo("PROVINCIAL_FUND");
        assertThat(orders.number("I5")).isEqualByComparingTo("320000");
        assertThat(orders.format("I5")).isEqualTo("#,##0.00");
        assertThat(orders.format("J5")).isEqualTo("#,##0.00");
        // one line per fund layer: the 合计 adds the amounts, never the claim's loss base repeated on each layer
        assertThat(orders.text("A7")).isEqualTo("合计（2 笔）");
        assertThat(orders.number("I7")).isEqualByComparingTo(orders.sum("I", 5, 6));
        assertThat(orders.format("I7")).isEqualTo("#,##0.00");
        assertThat(orders.number("J7")).isNull();
        assertThat(orders.lastRow()).isEqualTo(7);
        assertThat(http.with(districtReviewer(DISTRICT).token()).get("/api/v1/compensation/programmes/" + p
                + "/trial-balance").status()).as("the ledger is the city's, the regulator's and admins'")
                .isEqualTo(403);
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE entity_type = 'COMPENSATION_CLAIM'"
                + " AND entity_id = ? ORDER BY id", String.class, String.valueOf(claimId))).containsExactly(
                        "COMPENSATION_CLAIM_FILED", "COMPENSATION_CLAIM_DISTRICT_APPROVED",
                        "COMPENSATION_CLAIM_CITY_APPROVED", "COMPENSATION_CLAIM_PAYABLE", "COMPENSATION_CLAIM_PAID",
                        "COMPENSATION_RECOVERY_RETURNED", "COMPENSATION_RECOVERY_RETURNED");
    }

    @Test
    void overTheCapTheFundsPayTheCapAndAlternativeLayerSetsApplyByVersion() throws Exception {
        JsonNode programme = programme(CITY, null);
        long p = id(programme);
        deposit(fund(programme, "PROVINCIAL_FUND"), "DEPOSIT", "5000000");
        deposit(fund(programme, "MUNICIPAL_FUND"), "DEPOSIT", "5000000");
        Bank bank = bank();
        agreement(p, bank.lender().bankId(), "2025-01-01", "500000");
        String capped = loans.loan(bank.lender(), loans.borrower(DISTRICT, true), "3000000", "1", Dates.standard());
        long cappedClaim = file(bank, p, capped).getClaimId();

        // version 2 from 1 November 2026: 政银保, fund 54 / bank 26 / insurer 16 / appraiser 4, claims filed since
        Http.Response v2 = http.with(admin).post("/api/v1/admin/compensation-programmes/" + p + "/rule-versions",
                Map.of("effectiveFrom", "2026-11-01", "rules", Map.of("layers", List.of(
                        layer("CITY_FUND", "市级风险补偿资金池", "FUND", "0.54"),
                        layer("BANK", "合作银行", "BANK", "0.26"),
                        layer("INSURER", "保险公司", "INSURER", "0.16"),
                        layer("APPRAISER", "评估机构", "APPRAISER", "0.04")), "fundCapPerLoan", 1000000,
                        "overdueDays", 90, "filingWindowDays", 365, "leverageTarget", 10, "nplTolerancePp", 3)));
        assertThat(v2.status()).as("%s", v2).isEqualTo(201);
        assertThat(http.with(admin).post("/api/v1/admin/compensation-programmes/" + p + "/rule-versions",
                Map.of("effectiveFrom", "2026-12-01", "rules", Map.of("layers", List.of(
                        layer("F", "F", "FUND", "0.5"), layer("B", "B", "BANK", "0.6")), "fundCapPerLoan", 1,
                        "overdueDays", 90, "filingWindowDays", 365, "leverageTarget", 10, "nplTolerancePp", 3)))
                .code()).isEqualTo("COMPENSATION_RULES_INVALID");
        long cityFund = fund(v2.json(), "CITY_FUND");
        deposit(cityFund, "DEPOSIT", "2000000");
        String insured = loans.loan(bank.lender(), loans.borrower(DISTRICT, true), "1000000", "1", Dates.standard());
        // cappedClaim was filed before version 2 existed, so it keeps version 1
        long insuredClaim = file(bank, p, insured).getClaimId();
        approve(cappedClaim);
        approve(insuredClaim);
        settle(p);

        JsonNode c = claim(cappedClaim);
        assertThat(c.get("status").asString()).isEqualTo("PAID");
        assertThat(amounts(c.get("payoutLines"))).containsExactly(Map.entry("PROVINCIAL_FUND", "666666.67"),
                Map.entry("MUNICIPAL_FUND", "333333.33"), Map.entry("BANK", "2000000.00"));
        JsonNode line = c.get("payoutLines").get(0);
        assertThat(line.get("capApplied").asBoolean()).isTrue();
        assertThat(line.get("amountBeforeCap").decimalValue()).isEqualByComparingTo("1200000");
        assertThat(line.get("fundTotalBeforeCap").decimalValue()).isEqualByComparingTo("1800000");

        JsonNode i = claim(insuredClaim);
        assertThat(i.get("rulesVersion").asInt()).isEqualTo(2);
        assertThat(amounts(i.get("payoutLines"))).containsExactly(Map.entry("CITY_FUND", "540000.00"),
                Map.entry("BANK", "260000.00"), Map.entry("INSURER", "160000.00"), Map.entry("APPRAISER", "40000.00"));
        Map<String, BigDecimal> ledger = balancedLedger(p);
        assertThat(ledger.get("CITY_FUND.ASSET")).isEqualByComparingTo("1460000");
        assertThat(ledger.get("PROVINCIAL_FUND.ASSET")).isEqualByComparingTo("4333333.33");
        assertThat(ledger.get("MUNICIPAL_FUND.ASSET")).isEqualByComparingTo("4666666.67");
    }

    @Test
    void supervisionSignalsPerBankAndMonth() throws Exception {
        JsonNode programme = programme(CITY, null);
        long p = id(programme);
        Bank bank = bank();
        agreement(p, bank.lender().bankId(), "2025-01-01", "500000");
        loans.loan(bank.lender(), loans.borrower(DISTRICT, true), "3000000", "1", Dates.standard());
        loans.loan(bank.lender(), loans.borrower(DISTRICT, true), "1000000", "1", new Dates(LocalDate.of(2025, 9, 1),
                LocalDate.of(2025, 9, 3), LocalDate.of(2025, 9, 5), null, null));
        assertThat(bank.compensation().reportOverallNplRate(key(), new cn.ipf.sdk.model.NewOverallNplRate()
                .month("2026-07").rate(new BigDecimal("0.0150"))).getRate()).isEqualByComparingTo("0.015");
        assertThat(problemCode(() -> bank.compensation().reportOverallNplRate(key(),
                new cn.ipf.sdk.model.NewOverallNplRate().month("2026-07").rate(new BigDecimal("0.02")))))
                .isEqualTo("NPL_RATE_CONFLICT");
        assertThat(http.with(admin).put("/api/v1/admin/banks/" + bank.lender().bankId()
                + "/overall-npl-rates/2026-07", Map.of("rate", 0.012)).status()).isEqualTo(200);

        Http.Response r = http.with(regulatorPerson().token()).get("/api/v1/compensation/programmes/" + p
                + "/supervision-signals?month=2026-07");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        JsonNode s = r.json().get(0);
        // July 2026: 3 M defaulted (non-performing) + 1 M performing; 4 M ÷ 0.5 M attributed = 8× < 10×
        assertThat(s.get("outstandingPrincipal").decimalValue()).isEqualByComparingTo("4000000");
        assertThat(s.get("nonPerformingPrincipal").decimalValue()).isEqualByComparingTo("3000000");
        assertThat(s.get("ipNplRate").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(s.get("overallNplRate").decimalValue()).isEqualByComparingTo("0.012");
        assertThat(s.get("nplGapPp").decimalValue()).isEqualByComparingTo("73.8");
        assertThat(s.get("nplAboveTolerance").asBoolean()).isTrue();
        assertThat(s.get("leverage").decimalValue()).isEqualByComparingTo("8");
        assertThat(s.get("leverageBelowTarget").asBoolean()).isTrue();
        JsonNode feb = http.with(regulatorPerson().token()).get("/api/v1/compensation/programmes/" + p
                + "/supervision-signals?month=2026-02").json().get(0);
        assertThat(feb.get("nonPerformingPrincipal").decimalValue()).as("nothing overdue yet")
                .isEqualByComparingTo("0");
        assertThat(feb.has("overallNplRate") && !feb.get("overallNplRate").isNull()).isFalse();
        assertThat(feb.get("nplAboveTolerance").asBoolean()).isFalse();
    }

    private static Map<String, Object> layer(String code, String name, String kind, String share) {
        return Map.of("code", code, "name", name, "kind", kind, "share", new BigDecimal(share));
    }
}
