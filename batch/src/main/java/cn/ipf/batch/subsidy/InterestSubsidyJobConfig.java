package cn.ipf.batch.subsidy;

import cn.ipf.batch.JobLaunchDefaults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Job {@value #JOB_NAME}: 贴息计算 computes the interest subsidy of a programme's enterprises for a period and turns
 * each enterprise's lines into a claim (or, in a dry run, into totals only, for what-if simulations).
 *
 * <p>Parameters (all identifying): {@code programme} (id), {@code period} ({@code 2025-03}, {@code 2025-Q1} or
 * {@code 2025}; a dry run may give a range, {@code 2025-01..2025-06}), optional {@code dryRun} ({@code true}) and,
 * for a dry run only, {@code rules} (alternative interest-subsidy parameters as JSON) and {@code simulation} (the
 * what-if simulation it computes for, which makes the run an instance of its own). Steps: {@code open-run} records
 * the run (its cut-off instant and date are fixed there, so a restart sees what the first attempt saw);
 * {@code compute-lines} is partitioned by enterprise-id range ({@code ipf.batch.interest-subsidy.partitions}, default
 * 2), each partition streaming its enterprises' payments from a database cursor, one enterprise per item,
 * {@code ipf.batch.interest-subsidy.chunk-size} enterprises (default 500) per chunk transaction; {@code close-run}
 * records the totals. A partition remembers its last committed enterprise, so a failed run restarts after it; the
 * schema's unique keys make a duplicate line impossible in any case.
 */
@Configuration(proxyBeanMethods = false)
public class InterestSubsidyJobConfig {

    public static final String JOB_NAME = "interest-subsidy";
    static final String RUN_ID = "runId";
    private static final Set<String> PARAMETERS = Set.of("programme", "period", "dryRun", "rules", "simulation");

    @Bean
    Job interestSubsidyJob(JobRepository jobRepository, InterestSubsidyRuns runs, Step interestSubsidyOpenRun,
            Step interestSubsidyComputeLines, Step interestSubsidyCloseRun) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(parameters -> validate(runs, parameters))
                .start(interestSubsidyOpenRun)
                .next(interestSubsidyComputeLines)
                .next(interestSubsidyCloseRun)
                .build();
    }

    @Bean
    Step interestSubsidyOpenRun(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            InterestSubsidyRuns runs) {
        return new StepBuilder("open-run", jobRepository).tasklet((contribution, chunk) -> {
            StepExecution step = chunk.getStepContext().getStepExecution();
            long runId = runs.open(step.getJobExecution().getJobInstance().getInstanceId(),
                    strings(step.getJobExecution().getJobParameters()));
            step.getJobExecution().getExecutionContext().putLong(RUN_ID, runId);
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    @Bean
    Step interestSubsidyComputeLines(JobRepository jobRepository, Partitioner interestSubsidyPartitioner,
            Step interestSubsidyPartition,
            @Value("${ipf.batch.interest-subsidy.partitions:2}") int partitions) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("subsidy-");
        executor.setConcurrencyLimit(partitions);
        return new StepBuilder("compute-lines", jobRepository)
                .partitioner("compute-partition", interestSubsidyPartitioner)
                .step(interestSubsidyPartition)
                .gridSize(partitions)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    @StepScope
    Partitioner interestSubsidyPartitioner(InterestSubsidyRuns runs,
            @Value("#{jobExecutionContext['" + RUN_ID + "']}") Long runId) {
        return gridSize -> {
            Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
            List<InterestSubsidyRuns.EnterpriseRange> ranges = runs.partition(runId, gridSize);
            for (int i = 0; i < ranges.size(); i++) {
                ExecutionContext context = new ExecutionContext();
                context.putLong("from", ranges.get(i).from());
                context.putLong("to", ranges.get(i).to());
                contexts.put("partition" + i, context);
            }
            return contexts;
        };
    }

    @Bean
    Step interestSubsidyPartition(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ItemStreamReader<InterestSubsidyRuns.EnterpriseWork> interestSubsidyReader,
            ItemWriter<InterestSubsidyRuns.EnterpriseWork> interestSubsidyWriter,
            @Value("${ipf.batch.interest-subsidy.chunk-size:500}") int chunkSize) {
        return new StepBuilder("compute-partition", jobRepository)
                .<InterestSubsidyRuns.EnterpriseWork, InterestSubsidyRuns.EnterpriseWork>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(interestSubsidyReader)
                .writer(interestSubsidyWriter)
                .build();
    }

    @Bean
    @StepScope
    ItemStreamReader<InterestSubsidyRuns.EnterpriseWork> interestSubsidyReader(InterestSubsidyRuns runs,
            @Value("#{jobExecutionContext['" + RUN_ID + "']}") Long runId,
            @Value("#{stepExecutionContext['from']}") Long from, @Value("#{stepExecutionContext['to']}") Long to) {
        return new EnterpriseWorkReader(runs, runId, from, to);
    }

    @Bean
    @StepScope
    ItemWriter<InterestSubsidyRuns.EnterpriseWork> interestSubsidyWriter(InterestSubsidyRuns runs,
            @Value("#{jobExecutionContext['" + RUN_ID + "']}") Long runId) {
        return chunk -> runs.write(runId, chunk.getItems());
    }

    @Bean
    Step interestSubsidyCloseRun(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            InterestSubsidyRuns runs) {
        return new StepBuilder("close-run", jobRepository).tasklet((contribution, chunk) -> {
            runs.complete(chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                    .getLong(RUN_ID));
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    private static Map<String, String> strings(JobParameters parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.parameters().forEach(p -> values.put(p.name(), String.valueOf(p.value())));
        return values;
    }

    private static void validate(InterestSubsidyRuns runs, JobParameters parameters)
            throws InvalidJobParametersException {
        JobLaunchDefaults.requireOnly(parameters, PARAMETERS);
        JobLaunchDefaults.requireParsable(parameters, "programme", Long::parseLong, "42 (a programme id)");
        if (parameters.getString("period") == null) {
            throw new InvalidJobParametersException("period is required");
        }
        try {
            runs.check(strings(parameters));
        } catch (IllegalArgumentException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }
}
