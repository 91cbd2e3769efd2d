package cn.ipf.app.shared.policy;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A state of one of the API's state machines (admission, loan application, loan, subsidy claim, compensation claim),
 * as an illegal-transition 409 describes it: the steps allowed in it and who acts next.
 */
public interface MachineState {

    /** The machine's name, e.g. {@code APPLICATION}: with the state it names the hint's message. */
    String machine();

    /** The state's name (enums have it). */
    String name();

    /** The actions the API accepts in this state, whoever may take them. */
    List<String> allowedActions();

    NextActor nextActor();

    /** The names of the steps that {@code allowed} accepts, in declaration order: a machine's allowed actions. */
    static <T extends Enum<T>> List<String> stepsAllowed(T[] steps, Predicate<T> allowed) {
        return Arrays.stream(steps).filter(allowed).map(Enum::name).toList();
    }
}
