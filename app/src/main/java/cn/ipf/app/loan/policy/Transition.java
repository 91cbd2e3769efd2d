package cn.ipf.app.loan.policy;

import java.util.Optional;
import java.util.Set;

/**
 * One step of a state machine: the states it may be taken from and the state it leads to (the loan's, the
 * application's and the compensation claim's machines).
 */
public record Transition<S>(Set<S> from, S to) {

    public Optional<S> after(S current) {
        return from.contains(current) ? Optional.of(to) : Optional.empty();
    }
}
