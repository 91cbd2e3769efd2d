package cn.ipf.app.subsidy;

import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.subsidy.policy.InterestSubsidyRules;
import cn.ipf.app.subsidy.policy.InterestSubsidyRules.Reason;
import cn.ipf.app.subsidy.policy.SubsidyPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * 贴息政策模拟 what a what-if simulation needs of the interest subsidy: the parameters in force over a period range,
 * the same with a regulator's overrides, the interest-subsidy job's dry-run parameters and the dry runs it made.
 */
@Service
public class SubsidyWhatIf {

    /** Parameters replacing those in force; null keeps the one in force. */
    public record Overrides(BigDecimal lprRatio, BigDecimal annualCap, Integer windowMonths, Integer maxSpreadBp,
            Set<Reason> disabledGates) {
    }

    /** The version in force for the range and its parameters with and without the overrides. */
    public record Parameters(int rulesVersion, InterestSubsidyRules inForce, InterestSubsidyRules alternative) {
    }

    private final Programmes programmes;
    private final SubsidyParameters parameters;
    private final RunMapper runs;

    SubsidyWhatIf(Programmes programmes, SubsidyParameters parameters, RunMapper runs) {
        this.programmes = programmes;
        this.parameters = parameters;
        this.runs = runs;
    }

    /**
     * The parameters in force on the range's last day within the programme (what its dry run uses) and them with
     * the overrides; 400 SIMULATION_INVALID when the programme, the range or the overrides cannot make a dry run.
     */
    public Parameters parameters(long programmeId, SubsidyPeriod range, Overrides overrides) {
        ProgrammeMapper.ProgrammeRow programme = programmes.find(programmeId);
        if (programme == null) {
            throw invalid("there is no subsidy programme " + programmeId);
        }
        if (!range.overlaps(programme.periodStart(), programme.periodEnd())) {
            throw invalid("the range " + range.code() + " is outside the subsidy programme's period "
                    + programme.periodStart() + " to " + programme.periodEnd());
        }
        LocalDate last = Programmes.ruleDate(programme, range);
        Programmes.RuleSet version = programmes.inForce(programmeId, last);
        if (version == null) {
            throw invalid("the subsidy programme has no parameters in force on " + last);
        }
        InterestSubsidyRules r = version.interest();
        InterestSubsidyRules alternative = new InterestSubsidyRules(r.version(),
                or(overrides.lprRatio(), r.lprRatio()), or(overrides.annualCap(), r.annualCap()),
                or(overrides.windowMonths(), r.windowMonths()), or(overrides.maxSpreadBp(), r.maxSpreadBp()),
                overrides.disabledGates() == null ? r.disabledGates() : Set.copyOf(overrides.disabledGates()));
        List<String> problems = alternative.problems();
        if (!problems.isEmpty()) {
            throw invalid("subsidy: " + String.join("; ", problems));
        }
        return new Parameters(version.version(), r, alternative);
    }

    /** The interest-subsidy job's parameters for the simulation's dry run; alternative null for the one in force. */
    public Map<String, String> dryRun(long programmeId, String rangeCode, long simulationId,
            InterestSubsidyRules alternative) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("programme", Long.toString(programmeId));
        p.put("period", rangeCode);
        p.put("dryRun", "true");
        p.put("simulation", Long.toString(simulationId));
        if (alternative != null) {
            p.put("rules", parameters.write(alternative));
        }
        return p;
    }

    /** The run a job instance of the interest-subsidy job made. */
    public long runOf(long jobInstanceId) {
        RunMapper.RunRow run = runs.runByJobInstance(jobInstanceId);
        if (run == null) {
            throw new IllegalStateException("job instance " + jobInstanceId + " made no interest-subsidy run");
        }
        return run.id();
    }

    public String write(InterestSubsidyRules rules) {
        return parameters.write(rules);
    }

    public InterestSubsidyRules read(String stored, int version) {
        return parameters.interest(stored, version);
    }

    private static <T> T or(T given, T inForce) {
        return given == null ? inForce : given;
    }

    private static ApiException invalid(String problem) {
        return new ApiException(ErrorCode.SIMULATION_INVALID, problem);
    }
}
