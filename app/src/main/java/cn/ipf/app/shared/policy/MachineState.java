package cn.ipf.app.shared.policy;

import java.util.List;

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
}
