package cn.ipf.batch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
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
 *
 * <p>Parameters are validated before Spring Batch writes anything, so a refused launch leaves no job instance behind;
 * an instance without any execution (left by earlier versions) counts as new. An execution that no live instance of
 * the service runs ({@link JobExecutionOwnership}) is ended here when stopped or abandoned, since no thread would
 * ever end it.
 */
@Service
public class JobControl {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Map<String, Job> jobs;
    private final Map<String, JobLaunchDefaults> defaults;
    private final JobExecutionOwnership ownership;
    private final JobLaunchLock locks;
    private final Clock clock;

    public JobControl(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs,
            List<JobLaunchDefaults> defaults, JobExecutionOwnership ownership, JobLaunchLock locks, Clock clock) {
        this.jobOperator = jobOperator;
        this.locks = locks;
        this.clock = clock;
        this.jobRepository = jobRepository;
        this.ownership = ownership;
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
        // Spring Batch creates the job instance before it validates: refused parameters would leave it behind
        job.getJobParametersValidator().validate(jobParameters);
        try (JobLaunchLock.Held held = lock(jobName)) {
            JobInstance existing = jobRepository.getJobInstance(jobName, jobParameters);
            if (existing != null && jobRepository.getJobExecutions(existing).isEmpty()) {
                jobRepository.deleteJobInstance(existing);
            }
            return view(owned(jobOperator.start(job, jobParameters)));
        }
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
        try (JobLaunchLock.Held held = locks.hold(execution.get().getJobInstance().getJobName())
                .orElseThrow(() -> new JobRestartException("job " + executionId + " is being launched elsewhere"))) {
            // read again under the lock: a concurrent restart may have run it meanwhile
            return Optional.of(view(owned(jobOperator.restart(execution(executionId).orElseThrow()))));
        }
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<JobRun> stop(long executionId) throws JobExecutionNotRunningException {
        Optional<JobExecution> execution = execution(executionId);
        if (execution.isEmpty()) {
            return Optional.empty();
        }
        if (execution.get().getStatus().isRunning() && !ownership.isRunningSomewhere(executionId)) {
            return Optional.of(view(end(execution.get(), BatchStatus.STOPPED,
                    new ExitStatus(ExitStatus.STOPPED.getExitCode(), "stopped: no instance was running it"))));
        }
        jobOperator.stop(execution.get());
        return find(executionId);
    }

    /**
     * Marks an execution that no instance runs any more as FAILED with the reason, so that it can be restarted;
     * empty when there is no such execution or it is no longer marked running.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<JobRun> fail(long executionId, String reason) {
        return execution(executionId).filter(e -> e.getStatus().isRunning())
                .map(e -> view(end(e, BatchStatus.FAILED, new ExitStatus(ExitStatus.FAILED.getExitCode(), reason))));
    }

    /**
     * 放弃 gives an execution up for good: it will never be restarted (the operator's decision, for example after
     * repairing data by other means). Refused while a live instance runs it.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<JobRun> abandon(long executionId) throws JobExecutionAlreadyRunningException,
            JobInstanceAlreadyCompleteException {
        Optional<JobExecution> found = execution(executionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try (JobLaunchLock.Held held = lock(found.get().getJobInstance().getJobName())) {
            // read again under the lock: a concurrent restart may have started it meanwhile
            return Optional.of(abandonLocked(execution(executionId).orElseThrow()));
        }
    }

    private JobRun abandonLocked(JobExecution execution) throws JobExecutionAlreadyRunningException,
            JobInstanceAlreadyCompleteException {
        long executionId = execution.getId();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new JobInstanceAlreadyCompleteException("execution " + executionId + " completed");
        }
        if (execution.getStatus().isRunning()) {
            if (ownership.isRunningSomewhere(executionId)) {
                throw new JobExecutionAlreadyRunningException("execution " + executionId + " is running");
            }
            return view(end(execution, BatchStatus.ABANDONED,
                    new ExitStatus(ExitStatus.FAILED.getExitCode(), "abandoned by an operator")));
        }
        if (execution.getStatus() != BatchStatus.ABANDONED) {
            execution = jobOperator.abandon(execution);
        }
        return view(execution);
    }

    private JobLaunchLock.Held lock(String jobName) throws JobExecutionAlreadyRunningException {
        return locks.hold(jobName)
                .orElseThrow(() -> new JobExecutionAlreadyRunningException("job " + jobName + " is being launched"));
    }

    /**
     * Records this instance as the owner as soon as the execution exists: it may wait in the launch queue before a
     * thread starts it (and claims it again), and until then it is this instance's, not an orphan.
     */
    private JobExecution owned(JobExecution execution) {
        ownership.claim(execution.getId());
        return execution;
    }

    /** Ends an execution and its unfinished steps, as the thread that ran it would have. */
    private JobExecution end(JobExecution execution, BatchStatus status, ExitStatus exit) {
        // Spring Batch writes its own times in the JVM's zone; the service runs in UTC
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneId.systemDefault()));
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning() || step.getEndTime() == null) {
                step.setStatus(status);
                step.setExitStatus(exit);
                step.setEndTime(now);
                jobRepository.update(step);
            }
        }
        execution.setStatus(status);
        execution.setExitStatus(exit);
        execution.setEndTime(now);
        jobRepository.update(execution);
        return execution;
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
