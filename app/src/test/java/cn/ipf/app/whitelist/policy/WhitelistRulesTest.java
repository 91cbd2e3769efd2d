package cn.ipf.app.whitelist.policy;

import static cn.ipf.app.consent.policy.DataScope.CREDIT;
import static cn.ipf.app.consent.policy.DataScope.FINANCIALS;
import static cn.ipf.app.consent.policy.DataScope.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.whitelist.policy.WhitelistRules.ChangeKind;
import cn.ipf.app.whitelist.policy.WhitelistRules.Consent;
import cn.ipf.app.whitelist.policy.WhitelistRules.State;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WhitelistRulesTest {

    @Test
    void aBankHoldsTheUnionOfTheConsentsToItAndToAllBanks() {
        List<Consent> consents = List.of(new Consent(7, Set.of(PROFILE, CREDIT)), new Consent(0, Set.of(PROFILE,
                FINANCIALS)), new Consent(8, Set.of(PROFILE)));
        assertThat(WhitelistRules.sharedWith(7, consents)).containsExactlyInAnyOrder(PROFILE, CREDIT, FINANCIALS);
        assertThat(WhitelistRules.sharedWith(9, consents)).containsExactlyInAnyOrder(PROFILE, FINANCIALS);
        assertThat(WhitelistRules.sharedWith(9, List.of())).isEmpty();
    }

    @Test
    void listedOnlyWhileAdmittedWithAConsent() {
        assertThat(WhitelistRules.target(true, true, Set.of(PROFILE))).isEqualTo(new State(true, true,
                Set.of(PROFILE)));
        assertThat(WhitelistRules.target(false, true, Set.of(PROFILE))).isEqualTo(new State(false, false, Set.of()));
        assertThat(WhitelistRules.target(true, false, Set.of())).isEqualTo(new State(false, false, Set.of()));
    }

    @Test
    void eachStateChangeIsNamed() {
        State profile = new State(true, false, Set.of(PROFILE));
        State credit = new State(true, false, Set.of(PROFILE, CREDIT));
        State off = new State(false, false, Set.of());
        assertThat(WhitelistRules.change(null, profile)).contains(ChangeKind.LISTED);
        assertThat(WhitelistRules.change(off, profile)).contains(ChangeKind.LISTED);
        assertThat(WhitelistRules.change(profile, credit)).contains(ChangeKind.SCOPES_WIDENED);
        assertThat(WhitelistRules.change(credit, profile)).contains(ChangeKind.SCOPES_NARROWED);
        assertThat(WhitelistRules.change(credit, new State(true, false, Set.of(PROFILE, FINANCIALS))))
                .as("a scope lost, another gained: the bank must drop fields").contains(ChangeKind.SCOPES_NARROWED);
        assertThat(WhitelistRules.change(profile, new State(true, true, Set.of(PROFILE))))
                .contains(ChangeKind.RECOMMENDED);
        assertThat(WhitelistRules.change(credit, off)).contains(ChangeKind.WITHDRAWN);
        assertThat(WhitelistRules.change(null, off)).isEmpty();
        assertThat(WhitelistRules.change(off, off)).isEmpty();
        assertThat(WhitelistRules.change(credit, credit)).isEmpty();
    }
}
