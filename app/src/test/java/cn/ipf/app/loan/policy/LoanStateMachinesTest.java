package cn.ipf.app.loan.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.loan.policy.ApplicationStatus.Step;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class LoanStateMachinesTest {

    @Test
    void theApplicationPathAndItsDetours() {
        assertThat(walk(ApplicationStatus.SUBMITTED, Step.REQUEST_INFO, Step.PROVIDE_INFO, Step.APPROVE, Step.ACCEPT,
                Step.REPORT_CONTRACT)).contains(ApplicationStatus.CONTRACTED);
        assertThat(walk(ApplicationStatus.SUBMITTED, Step.APPROVE, Step.WITHDRAW)).contains(ApplicationStatus.WITHDRAWN);
        assertThat(walk(ApplicationStatus.SUBMITTED, Step.REQUEST_INFO, Step.REJECT))
                .contains(ApplicationStatus.REJECTED);
        assertThat(walk(ApplicationStatus.SUBMITTED, Step.APPROVE, Step.DECLINE)).contains(ApplicationStatus.DECLINED);
        assertThat(walk(ApplicationStatus.SUBMITTED, Step.ACCEPT)).as("nothing to accept yet").isEmpty();
        assertThat(walk(ApplicationStatus.SUBMITTED, Step.APPROVE, Step.ACCEPT, Step.WITHDRAW))
                .as("an accepted offer is binding").isEmpty();
        assertThat(walk(ApplicationStatus.SUBMITTED, Step.APPROVE, Step.APPROVE)).as("one offer").isEmpty();
    }

    @Property
    void endStatesAcceptNoStep(@ForAll ApplicationStatus status, @ForAll Step step) {
        boolean terminal = EnumSet.of(ApplicationStatus.CONTRACTED, ApplicationStatus.REJECTED,
                ApplicationStatus.DECLINED, ApplicationStatus.WITHDRAWN).contains(status);
        if (terminal) {
            assertThat(status.after(step)).isEmpty();
        }
        assertThat(status.open()).isEqualTo(!terminal);
    }

    @Property
    void onlyTheBankCanMakeALoanAndOnlyFromAnAcceptedOffer(@ForAll ApplicationStatus status, @ForAll Step step) {
        if (status.after(step).equals(Optional.of(ApplicationStatus.CONTRACTED))) {
            assertThat(status).isEqualTo(ApplicationStatus.ACCEPTED);
            assertThat(step).isEqualTo(Step.REPORT_CONTRACT);
        }
    }

    @Test
    void loansMoveForwardOnly() {
        assertThat(LoanStatus.CONTRACTED.after(LoanStatus.Step.DISBURSE)).contains(LoanStatus.DISBURSED);
        assertThat(LoanStatus.DISBURSED.after(LoanStatus.Step.DEFAULT)).contains(LoanStatus.DEFAULTED);
        assertThat(LoanStatus.DEFAULTED.after(LoanStatus.Step.CLOSE)).contains(LoanStatus.CLOSED);
        assertThat(LoanStatus.DISBURSED.after(LoanStatus.Step.CLOSE)).contains(LoanStatus.CLOSED);
        assertThat(LoanStatus.CONTRACTED.after(LoanStatus.Step.CLOSE)).isEmpty();
        assertThat(LoanStatus.DISBURSED.after(LoanStatus.Step.DISBURSE)).as("one disbursement").isEmpty();
        assertThat(LoanStatus.CLOSED.after(LoanStatus.Step.DEFAULT)).isEmpty();
        assertThat(List.of(LoanStatus.values())).filteredOn(LoanStatus::disbursed)
                .containsExactly(LoanStatus.DISBURSED, LoanStatus.DEFAULTED, LoanStatus.CLOSED);
    }

    private static Optional<ApplicationStatus> walk(ApplicationStatus from, Step... steps) {
        Optional<ApplicationStatus> at = Optional.of(from);
        for (Step step : steps) {
            at = at.flatMap(s -> s.after(step));
        }
        return at;
    }
}
