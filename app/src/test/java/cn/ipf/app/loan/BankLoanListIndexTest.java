package cn.ipf.app.loan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bank's loan list (by bank and status, newest first) is answered from one index, without a sort. */
class BankLoanListIndexTest extends IntegrationTest {

    @Test
    void theListFilteredByStatusReadsTheBankStatusIndexInOrder() {
        Map<String, Object> plan = jdbc.queryForMap("EXPLAIN SELECT l.id FROM loan l WHERE l.bank_id = 1"
                + " AND l.status = 'ACTIVE' ORDER BY l.id DESC LIMIT 21");
        assertThat(plan.get("key")).as("%s", plan).isEqualTo("idx_loan_bank_status");
        assertThat(String.valueOf(plan.get("Extra"))).as("%s", plan).doesNotContainIgnoringCase("filesort");
    }
}
