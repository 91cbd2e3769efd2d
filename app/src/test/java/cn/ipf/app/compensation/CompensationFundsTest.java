package cn.ipf.app.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.DefaultedLoans.Dates;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Fund balances: a claim the funds cannot cover waits, so does every claim approved after it (first in, first out),
 * and both are paid in approval order once money is added; a job run that fails mid-way is restarted without paying
 * anything twice.
 */
class CompensationFundsTest extends CompensationTestSupport {

    @Autowired
    private DataSource dataSource;

    @Test
    void waitingClaimsArePaidFirstApprovedFirstAfterATopUp() throws Exception {
        JsonNode programme = programme(CITY, null);
        long p = id(programme);
        long provincial = fund(programme, "PROVINCIAL_FUND");
        long municipal = fund(programme, "MUNICIPAL_FUND");
        deposit(provincial, "DEPOSIT", "100000");
        deposit(municipal, "DEPOSIT", "50000");
        Bank bank = bank();
        agreement(p, bank.lender().bankId(), "2025-01-01", "1000000");
        String large = loans.loan(bank.lender(), loans.borrower(DISTRICT, true), "1000000", "0.8", Dates.standard());
        String small = loans.loan(bank.lender(), loans.borrower(DISTRICT, true), "500000", "0.4", Dates.standard());
        long first = file(bank, p, large).getClaimId();
        long second = file(bank, p, small).getClaimId();
        approve(first);
        approve(second);

        settle(p);
        JsonNode waiting = claim(first);
        assertThat(waiting.get("status").asString()).isEqualTo("WAITING_FOR_FUNDS");
        assertThat(waiting.get("payoutFinal").asBoolean()).isFalse();
        // the second (L = 200 000: 80 000 + 40 000) could be covered, but waits behind the first
        assertThat(claim(second).get("status").asString()).isEqualTo("WAITING_FOR_FUNDS");
        assertThat(balancedLedger(p).get("PROVINCIAL_FUND.ASSET")).isEqualByComparingTo("100000");

        deposit(provincial, "TOP_UP", "300000");
        deposit(municipal, "TOP_UP", "150000");
        settle(p);
        JsonNode a = claim(first);
        JsonNode b = claim(second);
        assertThat(a.get("status").asString()).isEqualTo("PAID");
        assertThat(b.get("status").asString()).isEqualTo("PAID");
        assertThat(Instant.parse(a.get("paidAt").asString())).isBeforeOrEqualTo(Instant.parse(b.get("paidAt")
                .asString()));
        assertThat(a.get("payoutLines").get(0).get("journalId").asLong())
                .as("paid in approval order").isLessThan(b.get("payoutLines").get(0).get("journalId").asLong());
        assertThat(amounts(b.get("payoutLines"))).containsEntry("PROVINCIAL_FUND", "80000.00")
                .containsEntry("MUNICIPAL_FUND", "40000.00");
        Map<String, BigDecimal> ledger = balancedLedger(p);
        assertThat(ledger.get("PROVINCIAL_FUND.ASSET")).as("exactly used up").isEqualByComparingTo("0");
        assertThat(ledger.get("MUNICIPAL_FUND.ASSET")).isEqualByComparingTo("0");
    }

    @Test
    void aRunFailedMidWayIsRestartedWithoutPayingTwice() throws Exception {
        JsonNode programme = programme(CITY, null);
        long p = id(programme);
        deposit(fund(programme, "PROVINCIAL_FUND"), "DEPOSIT", "1000000");
        deposit(fund(programme, "MUNICIPAL_FUND"), "DEPOSIT", "1000000");
        Bank bank = bank();
        agreement(p, bank.lender().bankId(), "2025-01-01", "1000000");
        long first = file(bank, p, loans.loan(bank.lender(), loans.borrower(DISTRICT, true), "1000000", "1",
                Dates.standard())).getClaimId();
        long second = file(bank, p, loans.loan(bank.lender(), loans.borrower(DISTRICT, true), "600000", "1",
                Dates.standard())).getClaimId();
        approve(first);
        approve(second);

        // another connection holds the second claim's row: its chunk times out (3 s in the test profile) and fails
        JsonNode failed;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT id FROM compensation_claim WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, second);
                lock.executeQuery().close();
            }
            failed = launch(p);
            blocker.rollback();
        }
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("exitDescription").asString()).containsIgnoringCase("lock wait timeout");
        assertThat(claim(first).get("status").asString()).as("committed before the failure")
                .isEqualTo("PAYABLE");
        assertThat(claim(second).get("status").asString()).isEqualTo("CITY_APPROVED");
        balancedLedger(p);

        var restarted = http.with(admin).post("/api/v1/admin/job-executions/" + failed.get("executionId").asLong()
                + "/restart", null);
        assertThat(restarted.status()).as("%s", restarted).isEqualTo(202);
        assertThat(runToEnd(admin, restarted.json().get("executionId").asLong()).get("status").asString())
                .isEqualTo("COMPLETED");
        settle(p);
        assertThat(claim(second).get("status").asString()).isEqualTo("PAID");
        for (long claim : new long[] {first, second}) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_journal WHERE payout_claim_id = ?",
                    Long.class, claim)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM compensation_payout_line WHERE claim_id = ?",
                    Long.class, claim)).isEqualTo(3);
        }
        // 400 000 + 240 000 from the provincial fund, 200 000 + 120 000 from the municipal one
        Map<String, BigDecimal> ledger = balancedLedger(p);
        assertThat(ledger.get("PROVINCIAL_FUND.ASSET")).isEqualByComparingTo("360000");
        assertThat(ledger.get("MUNICIPAL_FUND.ASSET")).isEqualByComparingTo("680000");
    }
}
