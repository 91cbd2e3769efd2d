package cn.ipf.batch;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * Fills in the parameters a job needs when the launcher left them out (for example a cut-off of "now"). Not a Spring
 * Batch incrementer on purpose: Batch 6 ignores given parameters for jobs that have one.
 */
public interface JobLaunchDefaults {

    String jobName();

    JobParameters complete(JobParameters given);
}
