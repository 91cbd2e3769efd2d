package cn.ipf.app.subsidy;

import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.subsidy.policy.FeeSubsidyRules;
import cn.ipf.app.subsidy.policy.InterestSubsidyRules;
import cn.ipf.app.subsidy.policy.InterestSubsidyRules.Reason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of a programme's parameters: as stored in a version, as given for a what-if dry run (the job's
 * {@code rules} parameter) and as snapshotted in a run. Parameters are checked whenever they come in.
 */
@Component
class SubsidyParameters {

    /** Interest-subsidy parameters without the version number (the version row carries it). */
    record Interest(BigDecimal lprRatio, BigDecimal annualCap, int windowMonths, Integer maxSpreadBp,
            Set<Reason> disabledGates) {

        static Interest of(InterestSubsidyRules rules) {
            return new Interest(rules.lprRatio(), rules.annualCap(), rules.windowMonths(), rules.maxSpreadBp(),
                    rules.disabledGates());
        }

        InterestSubsidyRules rules(int version) {
            return new InterestSubsidyRules(version, lprRatio, annualCap, windowMonths, maxSpreadBp,
                    disabledGates == null ? Set.of() : Set.copyOf(disabledGates));
        }
    }

    private final JsonMapper json;

    SubsidyParameters(JsonMapper json) {
        this.json = json;
    }

    String write(InterestSubsidyRules rules) {
        return json.writeValueAsString(Interest.of(rules));
    }

    String write(FeeSubsidyRules rules) {
        return json.writeValueAsString(rules);
    }

    InterestSubsidyRules interest(String stored, int version) {
        return json.readValue(stored, Interest.class).rules(version);
    }

    FeeSubsidyRules fees(String stored) {
        return json.readValue(stored, FeeSubsidyRules.class);
    }

    /** Alternative parameters given as JSON (a dry run's {@code rules}): IllegalArgumentException when unusable. */
    InterestSubsidyRules parseInterest(String given, int version) {
        InterestSubsidyRules rules;
        try {
            rules = json.readValue(given, Interest.class).rules(version);
        } catch (JacksonException | NullPointerException e) {
            throw new IllegalArgumentException("rules must be interest-subsidy parameters as JSON, e.g. "
                    + write(InterestSubsidyRules.defaults(1)));
        }
        List<String> problems = rules.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("rules: " + String.join("; ", problems));
        }
        return rules;
    }

    /** Parameters given through the API: 400 SUBSIDY_RULES_INVALID naming every problem. */
    static InterestSubsidyRules checked(InterestSubsidyRules interest, FeeSubsidyRules fees) {
        List<String> problems = new java.util.ArrayList<>(interest.problems());
        problems.addAll(fees.problems());
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.SUBSIDY_RULES_INVALID, String.join("; ", problems));
        }
        return interest;
    }
}
