package cn.ipf.batch.simulation;

import cn.ipf.batch.JobFailures;
import cn.ipf.batch.JobLaunchDefaults;
import cn.ipf.batch.subsidy.InterestSubsidyJobConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

/**
 * Job {@value #JOB_NAME}: 政策模拟 recomputes a what-if simulation without creating claims or touching the ledger.
 *
 * <p>Parameter (identifying): {@code simulation} (id). Steps: {@code subsidy-baseline} and
 * {@code subsidy-alternative} run the interest-subsidy job in dry-run mode, in this thread, with the parameters in
 * force and then with the alternative ones (both skipped without a subsidy part); {@code compensation} recomputes the
 * claims with the compensation calculator; {@code report} turns the two dry runs' totals into report lines and
 * completes the simulation. The dry runs are job instances of their own (their parameters name the simulation), so a
 * failed simulation is restarted where it failed: a completed dry run is not run again, a failed one is restarted.
 * A failure marks the simulation FAILED with the reason.
 */
@Configuration(proxyBeanMethods = false)
public class WhatIfSimulationJobConfig {

    public static final String JOB_NAME = "what-if-simulation";
    public static final String SIMULATION = "simulation";
    private static final String BASELINE = "baselineJobInstance";
    private static final String ALTERNATIVE = "alternativeJobInstance";

    @Bean
    Job whatIfSimulationJob(JobRepository jobRepository, WhatIfSimulations simulations,
            Step simulationSubsidyBaseline, Step simulationSubsidyAlternative, Step simulationCompensation,
            Step simulationReport) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(parameters -> validate(simulations, parameters))
                .listener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution execution) {
                        if (execution.getStatus() != BatchStatus.COMPLETED) {
                            simulations.fail(simulation(execution), JobFailures.reason(execution));
                        }
                    }
                })
                .start(simulationSubsidyBaseline)
                .next(simulationSubsidyAlternative)
                .next(simulationCompensation)
                .next(simulationReport)
                .build();
    }

    @Bean
    Step simulationSubsidyBaseline(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WhatIfSimulations simulations, @Qualifier("interestSubsidyJob") Job interestSubsidyJob) throws Exception {
        return dryRunStep("subsidy-baseline", false, BASELINE, jobRepository, transactionManager, simulations,
                interestSubsidyJob);
    }

    @Bean
    Step simulationSubsidyAlternative(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WhatIfSimulations simulations, @Qualifier("interestSubsidyJob") Job interestSubsidyJob) throws Exception {
        return dryRunStep("subsidy-alternative", true, ALTERNATIVE, jobRepository, transactionManager, simulations,
                interestSubsidyJob);
    }

    @Bean
    Step simulationCompensation(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WhatIfSimulations simulations) {
        return new StepBuilder("compensation", jobRepository).tasklet((contribution, chunk) -> {
            simulations.compensation(simulation(chunk.getStepContext().getStepExecution().getJobExecution()));
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    @Bean
    Step simulationReport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WhatIfSimulations simulations) {
        return new StepBuilder("report", jobRepository).tasklet((contribution, chunk) -> {
            JobExecution job = chunk.getStepContext().getStepExecution().getJobExecution();
            simulations.complete(simulation(job), instance(job, BASELINE), instance(job, ALTERNATIVE));
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    /**
     * A step that runs the interest-subsidy job to its end in this thread (the service's launcher is asynchronous)
     * and remembers its job instance for the report.
     */
    private static Step dryRunStep(String name, boolean alternative, String key, JobRepository jobRepository,
            PlatformTransactionManager transactionManager, WhatIfSimulations simulations, Job interestSubsidyJob)
            throws Exception {
        TaskExecutorJobOperator inThisThread = new TaskExecutorJobOperator();
        inThisThread.setJobRepository(jobRepository);
        // start(job, parameters) never looks a job up, but the operator insists on a registry
        inThisThread.setJobRegistry(new MapJobRegistry());
        inThisThread.setTaskExecutor(new SyncTaskExecutor());
        inThisThread.afterPropertiesSet();
        return new StepBuilder(name, jobRepository).tasklet((contribution, chunk) -> {
            JobExecution job = chunk.getStepContext().getStepExecution().getJobExecution();
            Optional<Map<String, String>> dryRun = simulations.subsidyDryRun(simulation(job), alternative);
            if (dryRun.isEmpty()) {
                return RepeatStatus.FINISHED;
            }
            JobParametersBuilder parameters = new JobParametersBuilder();
            dryRun.get().forEach(parameters::addString);
            JobExecution run = inThisThread.start(interestSubsidyJob, parameters.toJobParameters());
            if (run.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException(InterestSubsidyJobConfig.JOB_NAME + " dry run (execution "
                        + run.getId() + ") ended " + run.getStatus() + ": " + JobFailures.reason(run));
            }
            job.getExecutionContext().putLong(key, run.getJobInstance().getInstanceId());
            return RepeatStatus.FINISHED;
        }, transactionManager)
                // the dry run keeps its metadata and chunks in transactions of its own: none may be open here
                .transactionAttribute(new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_NOT_SUPPORTED))
                .build();
    }

    private static long simulation(JobExecution execution) {
        return Long.parseLong(execution.getJobParameters().getString(SIMULATION));
    }

    private static Long instance(JobExecution job, String key) {
        return job.getExecutionContext().containsKey(key) ? job.getExecutionContext().getLong(key) : null;
    }

    private static void validate(WhatIfSimulations simulations, JobParameters parameters)
            throws InvalidJobParametersException {
        JobLaunchDefaults.requireOnly(parameters, Set.of(SIMULATION));
        JobLaunchDefaults.requireParsable(parameters, SIMULATION, Long::parseLong, "42 (a simulation id)");
        try {
            simulations.check(Long.parseLong(parameters.getString(SIMULATION)));
        } catch (IllegalArgumentException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }
}
