package cn.ipf.app.loan.policy;

import java.util.Optional;
import java.util.Set;

/** One step of a state machine: the states it may be taken from and the state it leads to. */
record Transition<S>(Set<S> from, S to) {

    Optional<S> after(S current) {
        return from.contains(current) ? Optional.of(to) : Optional.empty();
    }
}
