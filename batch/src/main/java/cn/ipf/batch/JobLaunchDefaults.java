package cn.ipf.batch;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Fills in the parameters a job needs when the launcher left them out (for example a cut-off of "now"). Not a Spring
 * Batch incrementer on purpose: Batch 6 ignores given parameters for jobs that have one.
 */
public interface JobLaunchDefaults {

    String jobName();

    JobParameters complete(JobParameters given);

    /** Defaults one string parameter of one job to a value computed at launch. */
    static JobLaunchDefaults defaulting(String jobName, String parameter, Supplier<String> value) {
        return new JobLaunchDefaults() {
            @Override
            public String jobName() {
                return jobName;
            }

            @Override
            public JobParameters complete(JobParameters given) {
                return given.getString(parameter) != null ? given
                        : new JobParametersBuilder(given).addString(parameter, value.get()).toJobParameters();
            }
        };
    }

    /** Refuses parameters a job does not know: an extra identifying parameter would let a run be repeated. */
    static void requireOnly(JobParameters parameters, java.util.Set<String> known) throws InvalidJobParametersException {
        for (var parameter : parameters.parameters()) {
            if (!known.contains(parameter.name())) {
                throw new InvalidJobParametersException("unknown parameter " + parameter.name() + "; known: " + known);
            }
        }
    }

    /**
     * Checks that a required string parameter parses (e.g. {@code Instant::parse}); the job validator's building
     * block, so that a bad launch is refused before anything runs.
     */
    static void requireParsable(JobParameters parameters, String name, Consumer<String> parser, String example)
            throws InvalidJobParametersException {
        String value = parameters.getString(name);
        if (value == null) {
            throw new InvalidJobParametersException(name + " is required");
        }
        try {
            parser.accept(value);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new InvalidJobParametersException(name + " must look like " + example);
        }
    }
}
