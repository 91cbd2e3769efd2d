package cn.ipf.app.library.policy;

import java.util.List;

/** 筛选结果 the full screening breakdown: every gate and every score line, frozen on the decision. */
public record ScreeningResult(List<GateResult> gates, List<ScoreLine> lines, int score, int maxScore, int threshold) {

    public ScreeningResult {
        gates = List.copyOf(gates);
        lines = List.copyOf(lines);
    }

    public boolean gatesPassed() {
        return gates.stream().allMatch(GateResult::passed);
    }

    public boolean meetsThreshold() {
        return score >= threshold;
    }

    public List<GateResult> failedGates() {
        return gates.stream().filter(g -> !g.passed()).toList();
    }
}
