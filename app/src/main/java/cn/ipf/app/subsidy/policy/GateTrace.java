package cn.ipf.app.subsidy.policy;

import cn.ipf.app.subsidy.policy.InterestSubsidyRules.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * How each gate went for a line, for its trace: the gates are checked in order and the first failure decides, so
 * every gate before the line's reason passed, the reason failed, and the ones after it were not checked. A gate the
 * parameters switch off (or the rate limit when no maximum spread is set) is not checked either.
 */
public final class GateTrace {

    private GateTrace() {
    }

    public enum Outcome { PASSED, FAILED, NOT_CHECKED }

    public record GateOutcome(Reason gate, Outcome outcome) {
    }

    public static List<GateOutcome> of(Reason reason, InterestSubsidyRules rules) {
        List<GateOutcome> gates = new ArrayList<>();
        boolean decided = false;
        for (Reason gate : Reason.values()) {
            if (!gate.isGate()) {
                break;
            }
            boolean applies = rules.checks(gate) && (gate != Reason.RATE_ABOVE_LIMIT || rules.maxSpreadBp() != null);
            if (decided || !applies) {
                gates.add(new GateOutcome(gate, Outcome.NOT_CHECKED));
            } else if (gate == reason) {
                gates.add(new GateOutcome(gate, Outcome.FAILED));
                decided = true;
            } else {
                gates.add(new GateOutcome(gate, Outcome.PASSED));
            }
        }
        return gates;
    }
}
