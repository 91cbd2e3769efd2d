package cn.ipf.app.disposal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.disposal.policy.DisposalRules.StepKind;
import cn.ipf.app.disposal.policy.DisposalRules.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisposalRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final LocalDate DEFAULTED = LocalDate.of(2026, 6, 1);
    private static final LocalDate LATEST = LocalDate.of(2026, 7, 15);

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void aCaseOpensBetweenTheDefaultAndToday() {
        assertThat(DisposalRules.opening(DEFAULTED, DEFAULTED, TODAY)).isEmpty();
        assertThat(DisposalRules.opening(TODAY, DEFAULTED, TODAY)).isEmpty();
        assertThat(fields(DisposalRules.opening(DEFAULTED.minusDays(1), DEFAULTED, TODAY))).containsExactly("openedOn");
        assertThat(fields(DisposalRules.opening(TODAY.plusDays(1), DEFAULTED, TODAY))).containsExactly("openedOn");
    }

    @Test
    void stepsFollowInDateOrderUpToToday() {
        assertThat(DisposalRules.step(StepKind.LISTING, LATEST, LATEST, null, null, TODAY)).isEmpty();
        assertThat(fields(DisposalRules.step(StepKind.LISTING, LATEST.minusDays(1), LATEST, null, null, TODAY)))
                .containsExactly("takenOn");
        assertThat(fields(DisposalRules.step(StepKind.CLOSURE, TODAY.plusDays(1), LATEST, null, null, TODAY)))
                .containsExactly("takenOn");
    }

    @Test
    void onlyProceedsCarryMoneyAndTheyMustCarryIt() {
        assertThat(DisposalRules.step(StepKind.PROCEEDS, TODAY, LATEST, BigDecimal.ZERO, BigDecimal.ZERO, TODAY))
                .as("a sale for nothing is possible").isEmpty();
        assertThat(fields(DisposalRules.step(StepKind.PROCEEDS, TODAY, LATEST, null, null, TODAY)))
                .containsExactly("grossAmount", "disposalCosts");
        assertThat(fields(DisposalRules.step(StepKind.AGREEMENT, TODAY, LATEST, BigDecimal.ONE, null, TODAY)))
                .containsExactly("grossAmount");
        assertThat(fields(DisposalRules.step(StepKind.PROCEEDS, TODAY, LATEST, new BigDecimal("-0.01"),
                new BigDecimal("-1"), TODAY))).containsExactly("grossAmount", "disposalCosts");
    }

    @Test
    void onlyClosureClosesTheCase() {
        assertThat(StepKind.values()).filteredOn(StepKind::closes).containsExactly(StepKind.CLOSURE);
        assertThat(StepKind.values()).filteredOn(StepKind::carriesMoney).containsExactly(StepKind.PROCEEDS);
    }
}
