package cn.ipf.app.shared.error;

import cn.ipf.app.shared.policy.MachineState;
import cn.ipf.app.shared.policy.NextActor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A refusal the client can act on. The message arguments fill the localized detail text; field violations, when
 * given, are listed in the problem's {@code errors[]}.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final transient Object[] args;
    private final List<FieldViolation> violations;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiException(ErrorCode code, Object... args) {
        this(code, List.of(), args);
    }

    public ApiException(ErrorCode code, List<FieldViolation> violations, Object... args) {
        super(code.name());
        this.code = code;
        this.args = args;
        this.violations = List.copyOf(violations);
    }

    /**
     * 409 ILLEGAL_TRANSITION for any state machine: {@code currentState}, the {@code allowedActions} of that state and
     * who acts next ({@code nextActor}); the localized detail ends with a hint in words ("waiting for the enterprise
     * to accept the offer"), from {@code hint.MACHINE.STATE} or else {@code hint.NEXT_ACTOR} in the messages.
     */
    public static ApiException illegalTransition(MachineState current, Object action) {
        return illegalTransition(current.machine(), current.name(), action, current.allowedActions(),
                current.nextActor());
    }

    /** The same, for a state that is more than one enum (a loan's status and its overdue flag). */
    public static ApiException illegalTransition(String machine, String state, Object action,
            Collection<String> allowedActions, NextActor nextActor) {
        DefaultMessageSourceResolvable hint = new DefaultMessageSourceResolvable(
                new String[] {"hint." + machine + "." + state, "hint." + nextActor.name()}, "");
        return new ApiException(ErrorCode.ILLEGAL_TRANSITION, state, String.valueOf(action), hint)
                .with("currentState", state)
                .with("allowedActions", List.copyOf(allowedActions))
                .with("nextActor", nextActor.name());
    }

    public ErrorCode code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** Adds a member to the problem body, e.g. {@code currentState} on an illegal transition. */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    /** One offending field and what is wrong with it. */
    public record FieldViolation(String field, String message) {
    }
}
