package cn.ipf.app.job.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * 任务启动表单 the parameters each batch job takes, as its job definition's validator checks them (the
 * {@code *JobConfig} classes of the batch module): name, type and whether it is required. An optional parameter left
 * empty is filled in by the job's launch defaults (e.g. a cut-off of now). A job not listed here gets a free
 * "name=value" field, so a new job can still be launched before its form is described.
 */
public final class LaunchForms {

    /** A parameter's type: how it is entered and checked before launching. */
    public enum Type {
        ID(Long::parseLong), DATE(LocalDate::parse), MONTH(YearMonth::parse), INSTANT(Instant::parse),
        PERIOD(v -> { }), BOOLEAN(v -> {
            if (!v.equals("true")) {
                throw new IllegalArgumentException(v);
            }
        });

        private final Consumer<String> parser;

        Type(Consumer<String> parser) {
            this.parser = parser;
        }

        boolean accepts(String value) {
            try {
                parser.accept(value);
                return true;
            } catch (DateTimeParseException | IllegalArgumentException e) {
                return false;
            }
        }
    }

    public record Parameter(String name, Type type, boolean required) {
    }

    private static final Map<String, List<Parameter>> JOBS = Map.of(
            "history-import", List.of(new Parameter("file", Type.ID, true)),
            "idempotency-purge", List.of(new Parameter("cutoff", Type.INSTANT, false)),
            "interest-subsidy", List.of(new Parameter("programme", Type.ID, true),
                    new Parameter("period", Type.PERIOD, true), new Parameter("dryRun", Type.BOOLEAN, false)),
            "library-rereview", List.of(new Parameter("reviewDate", Type.DATE, false)),
            "regulator-monthly-report", List.of(new Parameter("month", Type.MONTH, false),
                    new Parameter("runAt", Type.INSTANT, false)),
            "risk-compensation", List.of(new Parameter("programme", Type.ID, true),
                    new Parameter("runAt", Type.INSTANT, false)),
            "webhook-retention", List.of(new Parameter("cutoff", Type.INSTANT, false)),
            "what-if-simulation", List.of(new Parameter("simulation", Type.ID, true)));

    /** The free field of a job without a described form: one "name=value" per line. */
    public static final String FREE_FIELD = "parameters";

    private LaunchForms() {
    }

    /** The job's parameters, or empty when it has no described form (see {@link #FREE_FIELD}). */
    public static List<Parameter> of(String jobName) {
        return JOBS.getOrDefault(jobName, List.of());
    }

    public static boolean described(String jobName) {
        return JOBS.containsKey(jobName);
    }

    /** What is wrong with the entered values, by parameter: "required" or "type"; empty when none. */
    public static Map<String, String> problems(String jobName, Map<String, String> entered) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Parameter p : of(jobName)) {
            String value = entered.get(p.name());
            if (value == null || value.isBlank()) {
                if (p.required()) {
                    problems.put(p.name(), "required");
                }
            } else if (!p.type().accepts(value.strip())) {
                problems.put(p.name(), "type");
            }
        }
        if (!described(jobName) && entered.containsKey(FREE_FIELD) && free(entered.get(FREE_FIELD)) == null) {
            problems.put(FREE_FIELD, "type");
        }
        return problems;
    }

    /** The parameters to launch with: the described ones that were entered, or the free field's lines. */
    public static Map<String, String> parameters(String jobName, Map<String, String> entered) {
        if (!described(jobName)) {
            Map<String, String> free = free(entered.getOrDefault(FREE_FIELD, ""));
            return free == null ? Map.of() : free;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Parameter p : of(jobName)) {
            String value = entered.get(p.name());
            if (value != null && !value.isBlank()) {
                parameters.put(p.name(), value.strip());
            }
        }
        return parameters;
    }

    /** "name=value" lines as a map; null when a non-empty line has no name. */
    private static Map<String, String> free(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String line : text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            parameters.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return parameters;
    }
}
