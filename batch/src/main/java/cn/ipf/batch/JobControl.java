package cn.ipf.batch;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.launch.NoSuchJobException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way the service launches, restarts, stops and inspects batch jobs (API, schedules and command line alike).
 * Parameters are strings; a job that needs defaults (such as a cut-off time) declares {@link JobLaunchDefaults}.
 * Launching suspends any caller transaction: Spring Batch keeps its metadata in transactions of its own.
 */
@Service
public class JobControl {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Map<String, Job> jobs;
    private final Map<String, JobLaunchDefaults> defaults;

    public JobControl(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs,
            List<JobLaunchDefaults> defaults) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.defaults = defaults.stream().collect(Collectors.toMap(JobLaunchDefaults::jobName,
                Function.identity()));
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two jobs named " + a.getName());
        }, TreeMap::new));
    }

    public Set<String> jobNames() {
        return Collections.unmodifiableSet(jobs.keySet());
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public JobRun launch(String jobName, Map<String, String> parameters) throws NoSuchJobException,
            JobInstanceAlreadyCompleteException, JobExecutionAlreadyRunningException, InvalidJobParametersException,
            JobRestartException {
        Job job = jobs.get(jobName);
        if (job == null) {
            throw new NoSuchJobException("No job named " + jobName);
        }
        JobParametersBuilder builder = new JobParametersBuilder();
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (p.getValue() == null) {
                throw new InvalidJobParametersException(p.getKey() + " has no value");
            }
            builder.addString(p.getKey(), p.getValue());
        }
        JobParameters jobParameters = builder.toJobParameters();
        JobLaunchDefaults jobDefaults = defaults.get(jobName);
        if (jobDefaults != null) {
            jobParameters = jobDefaults.complete(jobParameters);
        }
        return view(jobOperator.start(job, jobParameters));
    }

    public Optional<JobRun> find(long executionId) {
        return execution(executionId).map(JobControl::view);
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<JobRun> restart(long executionId) throws JobRestartException {
        Optional<JobExecution> execution = execution(executionId);
        if (execution.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(view(jobOperator.restart(execution.get())));
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<JobRun> stop(long executionId) throws JobExecutionNotRunningException {
        Optional<JobExecution> execution = execution(executionId);
        if (execution.isEmpty()) {
            return Optional.empty();
        }
        jobOperator.stop(execution.get());
        return find(executionId);
    }

    /** Batch 6's JDBC repository throws for an unknown id where the interface suggests null. */
    private Optional<JobExecution> execution(long executionId) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(executionId));
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }

    private static JobRun view(JobExecution execution) {
        Map<String, String> parameters = new LinkedHashMap<>();
        execution.getJobParameters().parameters()
                .forEach(p -> parameters.put(p.name(), String.valueOf(p.value())));
        return new JobRun(execution.getId(), execution.getJobInstance().getJobName(),
                execution.getStatus().name(), execution.getExitStatus().getExitCode(),
                emptyToNull(execution.getExitStatus().getExitDescription()), parameters,
                instant(execution.getCreateTime()), instant(execution.getStartTime()),
                instant(execution.getEndTime()),
                execution.getStepExecutions().stream().map(JobControl::view).toList());
    }

    private static JobRun.StepRun view(StepExecution step) {
        return new JobRun.StepRun(step.getStepName(), step.getStatus().name(), step.getReadCount(),
                step.getWriteCount(), step.getFilterCount(), step.getSkipCount(), step.getCommitCount(),
                step.getRollbackCount(), instant(step.getStartTime()), instant(step.getEndTime()));
    }

    /** Spring Batch keeps local date-times; the service runs in UTC. */
    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
