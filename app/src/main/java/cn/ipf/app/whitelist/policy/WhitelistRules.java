package cn.ipf.app.whitelist.policy;

import cn.ipf.app.consent.policy.DataScope;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * 推荐清单 规则 what a bank's whitelist holds of an enterprise and which change a new state is to the bank. An
 * enterprise is listed for a bank while it is ADMITTED and a consent to that bank, or to all partner banks, stands;
 * the bank may hold the union of those consents' data scopes.
 */
public final class WhitelistRules {

    private WhitelistRules() {
    }

    /** A standing consent: {@code bankScope} 0 covers every partner bank. */
    public record Consent(long bankScope, Set<DataScope> scopes) {
    }

    /** What a bank may hold of an enterprise. */
    public record State(boolean listed, boolean recommended, Set<DataScope> scopes) {

        public State {
            scopes = scopes.isEmpty() ? EnumSet.noneOf(DataScope.class) : EnumSet.copyOf(scopes);
        }
    }

    /** The change a bank is told about; see the contract's WhitelistChangeKind. */
    public enum ChangeKind {
        LISTED, RECOMMENDED, SCOPES_WIDENED, SCOPES_NARROWED, WITHDRAWN
    }

    /** The union of the scopes of the consents covering the bank. */
    public static Set<DataScope> sharedWith(long bankId, Collection<Consent> consents) {
        EnumSet<DataScope> shared = EnumSet.noneOf(DataScope.class);
        for (Consent c : consents) {
            if (c.bankScope() == 0 || c.bankScope() == bankId) {
                shared.addAll(c.scopes());
            }
        }
        return shared;
    }

    /** The state a bank should hold; nothing is shared with a bank the enterprise is not listed for. */
    public static State target(boolean admitted, boolean recommended, Set<DataScope> shared) {
        boolean listed = admitted && !shared.isEmpty();
        return new State(listed, listed && recommended, listed ? shared : Set.of());
    }

    /**
     * The change from what the bank was last told ({@code before}, null if never) to {@code after}, or empty when
     * the bank need not hear anything. A newly listed enterprise is LISTED even if also recommended; any loss of a
     * scope is SCOPES_NARROWED even if others were added, since the bank must drop fields.
     */
    public static Optional<ChangeKind> change(State before, State after) {
        boolean wasListed = before != null && before.listed();
        if (!after.listed()) {
            return wasListed ? Optional.of(ChangeKind.WITHDRAWN) : Optional.empty();
        }
        if (!wasListed) {
            return Optional.of(ChangeKind.LISTED);
        }
        if (!after.scopes().containsAll(before.scopes())) {
            return Optional.of(ChangeKind.SCOPES_NARROWED);
        }
        if (!before.scopes().containsAll(after.scopes())) {
            return Optional.of(ChangeKind.SCOPES_WIDENED);
        }
        if (after.recommended() != before.recommended()) {
            return Optional.of(ChangeKind.RECOMMENDED);
        }
        return Optional.empty();
    }
}
