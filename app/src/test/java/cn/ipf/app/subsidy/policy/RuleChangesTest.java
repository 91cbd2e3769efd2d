package cn.ipf.app.subsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.shared.policy.FieldChange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleChangesTest {

    @Test
    void eachFieldIsComparedByValueAndOnlyRealChangesAreMarked() {
        InterestSubsidyRules inForce = InterestSubsidyRules.defaults(1);
        InterestSubsidyRules proposed = new InterestSubsidyRules(0, new BigDecimal("0.70"),
                new BigDecimal(inForce.annualCap().toPlainString() + "0"), inForce.windowMonths(), 100, Set.of());
        List<FieldChange> changes = RuleChanges.between(LocalDate.of(2025, 1, 1), inForce, FeeSubsidyRules.defaults(),
                LocalDate.of(2025, 7, 1), proposed, FeeSubsidyRules.defaults());
        assertThat(changes).hasSize(9);
        assertThat(changes.stream().filter(FieldChange::changed).map(FieldChange::field))
                .containsExactly("effectiveFrom", "interest.lprRatio", "interest.maxSpreadBp");
        assertThat(changes.get(1).before()).isEqualTo(inForce.lprRatio());
        assertThat(changes.get(1).after()).isEqualTo(new BigDecimal("0.70"));
    }
}
