package cn.ipf.app.regulator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.shared.export.ReportWorkbook;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What-if simulations on the known {@link Portfolio}, against figures computed by hand.
 *
 * <p>Subsidy: L1's one payment (1 000 000 at an IP share of 1, 31 days, interest 2 798.61, contract month 2025-03 so
 * the reference LPR is February's 3.10 %). In force (60 %): by_rate = 1 000 000 × 1.86 % × 31 / 360 = 1 601.67, below
 * by_interest, so 1 601.67, what was paid. With 80 % and an annual cap of 2 000: by_rate = 2 135.56, capped to
 * 2 000.00; +398.33.
 *
 * <p>Compensation: L5's claim, L = 1 000 000. In force (40 / 20 / 40, cap 1 000 000): the funds pay 600 000 and get
 * back 90 000 of the 150 000 recovery (60 000 + 30 000, pro rata to what was borne). With 50 / 30 / 20 and a cap of
 * 700 000: 800 000 before the cap, split 437 500 + 262 500 under it, the bank bears 300 000; the recovery returns
 * 65 625 + 39 375 = 105 000 to the funds. +100 000 paid, +15 000 returned.
 */
class WhatIfSimulationTest extends PortfolioTest {

    static final String SIMULATIONS = "/api/v1/regulator/simulations";

    @Autowired
    DataSource dataSource;

    @Test
    void subsidyAndCompensationAgainstTheParametersInForce() throws Exception {
        Map<String, Long> before = counts();
        JsonNode done = simulate(form());

        assertThat(done.get("status").asString()).as("%s", done).isEqualTo("COMPLETED");
        JsonNode subsidy = done.get("subsidy");
        assertThat(subsidy.get("inForce").get("lprRatio").decimalValue()).isEqualByComparingTo("0.60");
        assertThat(subsidy.get("alternative").get("lprRatio").decimalValue()).isEqualByComparingTo("0.80");
        assertThat(subsidy.get("alternative").get("annualCap").decimalValue()).isEqualByComparingTo("2000");
        assertThat(subsidy.get("alternative").get("windowMonths").asInt()).as("kept from the version in force")
                .isEqualTo(12);
        Map<String, JsonNode> totals = byMeasure(done.get("totals"));
        assertThat(totals.keySet()).containsExactly("COMPENSATION", "RECOVERY_RETURN", "SUBSIDY");
        assertTotal(totals.get("SUBSIDY"), 1, "1601.67", "2000.00", "398.33");
        assertThat(totals.get("SUBSIDY").get("baselineAmount").decimalValue()).as("the dry run in force = paid")
                .isEqualByComparingTo(p.subsidyPaid);
        assertTotal(totals.get("COMPENSATION"), 1, "600000.00", "700000.00", "100000.00");
        assertTotal(totals.get("RECOVERY_RETURN"), 1, "90000.00", "105000.00", "15000.00");

        // the subsidy side reused the job: two dry runs of the programme, linked to the simulation
        long baselineRun = subsidy.get("baselineRunId").asLong();
        long alternativeRun = subsidy.get("alternativeRunId").asLong();
        JsonNode run = http.with(admin).get("/api/v1/subsidy/runs/" + alternativeRun).json();
        assertThat(run.get("dryRun").asBoolean()).isTrue();
        assertThat(run.get("period").asString()).isEqualTo("2025-01.." + YearMonth.from(today()));
        assertThat(run.get("totalAmount").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(http.with(admin).get("/api/v1/subsidy/runs/" + baselineRun).json().get("totalAmount")
                .decimalValue()).isEqualByComparingTo("1601.67");

        // per district, bank and enterprise; the total is the sum of the rows
        String id = done.get("simulationId").asString();
        JsonNode districts = differences(id, "SUBSIDY", "DISTRICT");
        assertThat(districts.get("items")).hasSize(1);
        assertRow(districts.get("items").get(0), p.district1, "1601.67", "2000.00", "398.33");
        assertThat(districts.get("items").get(0).get("name").asString()).startsWith("甲区");
        assertRow(differences(id, "SUBSIDY", "BANK").get("items").get(0), String.valueOf(p.bankA), "1601.67",
                "2000.00", "398.33");
        assertRow(differences(id, "SUBSIDY", "ENTERPRISE").get("items").get(0), String.valueOf(p.e1), "1601.67",
                "2000.00", "398.33");
        JsonNode banks = differences(id, "COMPENSATION", "BANK");
        assertThat(banks.get("items")).hasSize(1);
        assertRow(banks.get("items").get(0), String.valueOf(p.bankB), "600000.00", "700000.00", "100000.00");
        assertThat(banks.get("total").get("difference").decimalValue()).isEqualByComparingTo("100000.00");
        assertRow(differences(id, "RECOVERY_RETURN", "ENTERPRISE").get("items").get(0), String.valueOf(p.e3),
                "90000.00", "105000.00", "15000.00");
        assertThat(differences(id, "COMPENSATION", "DISTRICT").get("page").get("totalElements").asLong())
                .isEqualTo(1);

        // the report as files: a sheet (or CSV section) per view and the parameters
        List<String> csv = List.of(new String(download(regulator, SIMULATIONS + "/" + id + "/report/csv").body(),
                StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n"));
        assertThat(csv).contains("合计", "区县", "银行", "企业", "参数", "SUBSIDY,1,1601.67,1,2000.00,398.33");
        assertThat(csv.get(0)).startsWith("# 贴息与风险补偿模拟测算报告").contains("machine-readable");
        assertThat(csv).anyMatch(l -> l.startsWith("COMPENSATION," + p.bankB + ",")
                && l.endsWith(",1,600000.00,1,700000.00,100000.00"));
        assertThat(csv).anyMatch(l -> l.matches("LPR 贴息比例,0\\.60?,0\\.80?"));
        assertThat(csv).anyMatch(l -> l.matches("每笔资金上限\\(元\\),各索赔适用的规则版本,700000(\\.0+)?"));
        assertThat(csv).anyMatch(l -> l.startsWith("SUBSIDY," + p.district1 + ",甲区")
                && l.endsWith(",1,1601.67,1,2000.00,398.33"));
        assertThat(csv).anyMatch(l -> l.equals("RECOVERY_RETURN," + p.e3 + "," + name(p.e3)
                + ",1,90000.00,1,105000.00,15000.00"));
        Download xlsx = download(regulator, SIMULATIONS + "/" + id + "/report/xlsx");
        assertThat(xlsx.contentDisposition()).contains("simulation-" + id + ".xlsx");
        ReportWorkbook book = ReportWorkbook.read(xlsx.body());
        ReportWorkbook.keep("simulation-report.xlsx", xlsx.body());
        assertThat(book.sheets()).extracting(ReportWorkbook.Sheet::name)
                .containsExactly("合计", "区县", "银行", "企业", "参数");
        ReportWorkbook.Sheet bankSheet = book.sheet("银行");
        assertThat(bankSheet.text("A1")).startsWith("贴息与风险补偿模拟测算报告").endsWith("（银行）");
        assertThat(bankSheet.text("A2")).contains("单位：元");
        assertThat(bankSheet.text("A3")).contains("生成时间：", "数据截至：");
        assertThat(bankSheet.row(4)).containsExactly("测算项目", "代码", "名称", "现行参数笔数", "现行参数金额(元)",
                "模拟参数笔数", "模拟参数金额(元)", "差额(元)");
        assertThat(bankSheet.frozenRows()).isEqualTo(4);
        assertThat(bankSheet.row(5)).startsWith("风险补偿代偿", String.valueOf(p.bankB));
        assertThat(bankSheet.number("E5")).isEqualByComparingTo("600000.00");
        assertThat(bankSheet.format("E5")).isEqualTo("#,##0.00");
        assertThat(bankSheet.format("D5")).isEqualTo("#,##0");
        // one line per bank of the measure here, so its subtotal repeats it
        assertThat(bankSheet.text("A6")).isEqualTo("小计：风险补偿代偿");
        assertThat(bankSheet.number("H6")).isEqualByComparingTo(bankSheet.number("H5"));
        assertThat(bankSheet.format("H6")).isEqualTo("#,##0.00");

        // nothing but the simulation and the dry runs was written: no claim, payout, return or ledger entry
        assertThat(counts()).isEqualTo(before);
        assertThat(http.with(regulator).get("/api/v1/regulator/audit-events?entityType=SIMULATION&entityId=" + id)
                .json().get("items")).extracting(e -> e.get("action").asString())
                .contains("SIMULATION_SUBMITTED", "SIMULATION_COMPLETED");
    }

    @Test
    void theSameSimulationTwiceComputesTheBaselineAgain() {
        Map<String, Object> form = form();
        form.remove("compensation");
        JsonNode first = simulate(form);
        JsonNode second = simulate(form);
        // under an Idempotency-Key the launch waits for the request's transaction; a replay launches nothing
        String key = UUID.randomUUID().toString();
        Http.Response keyed = http.with(regulator).header("Idempotency-Key", key).post(SIMULATIONS, form);
        assertThat(keyed.status()).as("%s", keyed).isEqualTo(202);
        Http.Response replayed = http.with(regulator).header("Idempotency-Key", key).post(SIMULATIONS, form);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().get("simulationId").asLong()).isEqualTo(keyed.json().get("simulationId").asLong());
        JsonNode third = awaitEnd(keyed.json().get("simulationId").asLong());
        assertThat(third.get("totals")).isEqualTo(first.get("totals"));
        assertThat(second.get("status").asString()).as("%s", second).isEqualTo("COMPLETED");
        assertThat(second.get("subsidy").get("baselineRunId").asLong())
                .isNotEqualTo(first.get("subsidy").get("baselineRunId").asLong());
        assertThat(second.get("totals")).isEqualTo(first.get("totals"));
        assertThat(second.get("totals")).hasSize(1);
        JsonNode listed = http.with(regulator).get(SIMULATIONS + "?size=2").json();
        assertThat(listed.get("items").findValuesAsString("simulationId")).as("newest first").containsExactly(
                third.get("simulationId").asString(), second.get("simulationId").asString());
    }

    @Test
    void aRateLimitStopsTheSubsidyAndSwitchingItsGateOffRestoresIt() {
        Map<String, Object> form = form();
        form.remove("compensation");
        // L1 is lent at 3.25 %, 15 bp over the reference LPR of 3.10 %: a limit of 10 bp fails its loan gate
        form.put("subsidy", Map.of("programmeId", p.subsidyProgrammeId, "maxSpreadBp", 10));
        JsonNode limited = simulate(form);
        assertTotal(byMeasure(limited.get("totals")).get("SUBSIDY"), 1, "1601.67", "0.00", "-1601.67");
        assertThat(limited.get("subsidy").get("inForce").has("maxSpreadBp")).as("no limit in force").isFalse();
        assertThat(limited.get("subsidy").get("alternative").get("maxSpreadBp").asInt()).isEqualTo(10);

        form.put("subsidy", Map.of("programmeId", p.subsidyProgrammeId, "maxSpreadBp", 10, "disabledGates",
                List.of("RATE_ABOVE_LIMIT")));
        JsonNode gateOff = simulate(form);
        assertTotal(byMeasure(gateOff.get("totals")).get("SUBSIDY"), 1, "1601.67", "1601.67", "0.00");
        assertThat(gateOff.get("subsidy").get("alternative").get("disabledGates").get(0).asString())
                .isEqualTo("RATE_ABOVE_LIMIT");
    }

    /**
     * The launch runs after the submission committed, in a transaction of its own (REQUIRES_NEW): when it fails, the
     * simulation is marked FAILED there, and that change's audit event is written with it.
     */
    @Test
    void aSimulationWhoseJobCannotBeLaunchedIsMarkedFailedAndAudited() throws Exception {
        JsonNode failed;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            // the launch cannot number a new job instance until this lock goes: it times out (3 s in tests)
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT ID FROM BATCH_JOB_INSTANCE_SEQ FOR UPDATE")) {
                lock.executeQuery().close();
            }
            failed = simulate(form());
            blocker.rollback();
        }
        assertThat(failed.get("status").asString()).as("%s", failed).isEqualTo("FAILED");
        assertThat(failed.get("failure").asString()).startsWith("the job could not be launched");
        assertThat(count("audit_event WHERE action = 'SIMULATION_FAILED' AND entity_type = 'SIMULATION'"
                + " AND entity_id = '" + failed.get("simulationId").asLong() + "'")).isEqualTo(1);
    }

    @Test
    void aFailedSimulationIsMarkedAndRestartsAtTheStepThatFailed() throws Exception {
        long dryRuns = count("subsidy_run WHERE dry_run AND programme_id = " + p.subsidyProgrammeId);
        long newest = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM simulation", Long.class);
        JsonNode failed;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            // a gap lock after every line there is: the new simulation's first line waits for it and times out
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT simulation_id FROM simulation_line WHERE simulation_id > ? FOR UPDATE")) {
                lock.setLong(1, newest);
                lock.executeQuery().close();
            }
            failed = simulate(form());
            blocker.rollback();
        }
        assertThat(failed.get("status").asString()).as("%s", failed).isEqualTo("FAILED");
        assertThat(failed.get("failure").asString()).containsIgnoringCase("lock wait timeout");
        assertThat(failed.get("totals")).isEmpty();
        // marked failed in the job's transaction (REQUIRES_NEW, started after the submission committed): audited there
        assertThat(count("audit_event WHERE action = 'SIMULATION_FAILED' AND entity_type = 'SIMULATION'"
                + " AND entity_id = '" + failed.get("simulationId").asLong() + "'")).isEqualTo(1);
        long execution = failed.get("jobExecutionId").asLong();
        JsonNode steps = http.with(admin).get("/api/v1/admin/job-executions/" + execution).json().get("steps");
        assertThat(steps.findValuesAsString("status")).containsExactly("COMPLETED", "COMPLETED", "FAILED");
        assertThat(http.with(regulator).get(SIMULATIONS + "/" + failed.get("simulationId").asLong()
                + "/differences?measure=SUBSIDY&breakdown=BANK").code()).isEqualTo("SIMULATION_NOT_COMPLETED");

        Http.Response restart = http.with(admin).post("/api/v1/admin/job-executions/" + execution + "/restart", null);
        assertThat(restart.status()).as("%s", restart).isEqualTo(202);
        JsonNode resumed = runToEnd(admin, restart.json().get("executionId").asLong());
        assertThat(resumed.get("steps").findValuesAsString("stepName")).as("the dry runs are not run again")
                .containsExactly("compensation", "report");
        JsonNode done = http.with(regulator).get(SIMULATIONS + "/" + failed.get("simulationId").asLong()).json();
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.has("failure")).isFalse();
        Map<String, JsonNode> totals = byMeasure(done.get("totals"));
        assertTotal(totals.get("SUBSIDY"), 1, "1601.67", "2000.00", "398.33");
        assertTotal(totals.get("COMPENSATION"), 1, "600000.00", "700000.00", "100000.00");
        assertThat(count("subsidy_run WHERE dry_run AND programme_id = " + p.subsidyProgrammeId))
                .isEqualTo(dryRuns + 2);
    }

    @Test
    void badSimulationsAreRefusedAndWriteNothing() {
        long simulations = count("simulation");
        assertInvalid("SIMULATION_INVALID", "give subsidy", "subsidy", null, "compensation", null);
        assertInvalid("SIMULATION_INVALID", "before periodFrom", "periodFrom", "2025-06", "periodTo", "2025-01");
        assertInvalid("SIMULATION_INVALID", "months such as", "periodTo", "2025-13");
        assertInvalid("SIMULATION_INVALID", "at most 60 months", "periodFrom", "2020-01", "periodTo", "2025-01");
        assertInvalid("SIMULATION_INVALID", "lprRatio", "subsidy", Map.of("programmeId", p.subsidyProgrammeId,
                "lprRatio", 1.5));
        assertInvalid("SIMULATION_INVALID", "sum to 1", "compensation", Map.of("programmeId",
                p.compensationProgrammeId, "layers", List.of(layer("PROVINCIAL_FUND", "FUND", "0.5"),
                        layer("BANK", "BANK", "0.4"))));
        assertInvalid("SIMULATION_INVALID", "no subsidy programme", "subsidy", Map.of("programmeId", 987_654_321L));
        assertInvalid("SIMULATION_INVALID", "no compensation programme", "compensation", Map.of("programmeId",
                987_654_321L));
        assertInvalid("SIMULATION_INVALID", "outside the subsidy programme", "periodFrom", "2020-01", "periodTo",
                "2020-03");
        assertInvalid("VALIDATION_FAILED", "periodFrom", "periodFrom", "2025-1");
        assertThat(count("simulation")).isEqualTo(simulations);

        assertThat(http.with(token(user(Role.SME, null, null, null))).post(SIMULATIONS, form()).status())
                .isEqualTo(403);
        assertThat(http.with(regulator).get(SIMULATIONS + "/987654321").code()).isEqualTo("SIMULATION_NOT_FOUND");
        assertThat(http.with(regulator).get(SIMULATIONS + "/987654321/differences?measure=SUBSIDY&breakdown=BANK")
                .code()).isEqualTo("SIMULATION_NOT_FOUND");
        assertThat(http.with(regulator).get(SIMULATIONS + "/1/differences?measure=SUBSIDY&breakdown=STREET")
                .status()).isEqualTo(400);
    }

    private Map<String, Object> form() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", "贴息比例 80%，上限 2000；补偿 50/30/20，封顶 70 万");
        form.put("periodFrom", "2025-01");
        form.put("periodTo", YearMonth.from(today()).toString());
        form.put("subsidy", Map.of("programmeId", p.subsidyProgrammeId, "lprRatio", new BigDecimal("0.80"),
                "annualCap", new BigDecimal("2000")));
        form.put("compensation", Map.of("programmeId", p.compensationProgrammeId, "layers", List.of(
                layer("PROVINCIAL_FUND", "FUND", "0.50"), layer("MUNICIPAL_FUND", "FUND", "0.30"),
                layer("BANK", "BANK", "0.20")), "fundCapPerLoan", new BigDecimal("700000")));
        return form;
    }

    private static Map<String, Object> layer(String code, String kind, String share) {
        return Map.of("code", code, "name", code, "kind", kind, "share", new BigDecimal(share));
    }

    /** Submits and waits until the simulation is no longer RUNNING. */
    private JsonNode simulate(Map<String, Object> form) {
        Http.Response submitted = http.with(regulator).post(SIMULATIONS, form);
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
        assertThat(submitted.json().get("status").asString()).isEqualTo("RUNNING");
        return awaitEnd(submitted.json().get("simulationId").asLong());
    }

    private JsonNode awaitEnd(long id) {
        String path = SIMULATIONS + "/" + id;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            JsonNode simulation = http.with(regulator).get(path).json();
            if (!simulation.get("status").asString().equals("RUNNING")) {
                return simulation;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("simulation " + path + " did not end in time");
    }

    private JsonNode differences(String id, String measure, String breakdown) {
        Http.Response r = http.with(regulator).get(SIMULATIONS + "/" + id + "/differences?measure=" + measure
                + "&breakdown=" + breakdown);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode row : r.json().get("items")) {
            sum = sum.add(row.get("alternativeAmount").decimalValue());
        }
        assertThat(sum).as("rows add up to the total").isEqualByComparingTo(r.json().get("total")
                .get("alternativeAmount").decimalValue());
        return r.json();
    }

    /** The standard form with these fields replaced (null: left out) is 400 with the code, its detail saying why. */
    private void assertInvalid(String code, String detail, Object... changes) {
        Map<String, Object> form = form();
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                form.remove((String) changes[i]);
            } else {
                form.put((String) changes[i], changes[i + 1]);
            }
        }
        Http.Response r = http.with(regulator).post(SIMULATIONS, form);
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.toString()).contains(detail);
    }

    private static void assertTotal(JsonNode total, long count, String baseline, String alternative,
            String difference) {
        assertThat(total.get("baselineCount").asLong()).isEqualTo(count);
        assertThat(total.get("alternativeCount").asLong()).isEqualTo(count);
        assertAmounts(total, baseline, alternative, difference);
    }

    private static void assertRow(JsonNode row, String key, String baseline, String alternative, String difference) {
        assertThat(row.get("key").asString()).isEqualTo(key);
        assertAmounts(row, baseline, alternative, difference);
    }

    private static void assertAmounts(JsonNode figure, String baseline, String alternative, String difference) {
        assertThat(figure.get("baselineAmount").decimalValue()).isEqualByComparingTo(baseline);
        assertThat(figure.get("alternativeAmount").decimalValue()).isEqualByComparingTo(alternative);
        assertThat(figure.get("difference").decimalValue()).isEqualByComparingTo(difference);
    }

    private static Map<String, JsonNode> byMeasure(JsonNode totals) {
        Map<String, JsonNode> byMeasure = new LinkedHashMap<>();
        totals.forEach(t -> byMeasure.put(t.get("measure").asString(), t));
        return byMeasure;
    }

    private String name(long enterpriseId) {
        return jdbc.queryForObject("SELECT name FROM enterprise WHERE id = ?", String.class, enterpriseId);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("subsidy_claim", "subsidy_line", "compensation_claim", "compensation_payout_line",
                "compensation_recovery_return", "ledger_journal", "ledger_posting")) {
            counts.put(table, count(table));
        }
        return counts;
    }
}
