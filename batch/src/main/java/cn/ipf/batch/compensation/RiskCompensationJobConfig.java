package cn.ipf.batch.compensation;

import cn.ipf.batch.JobLaunchDefaults;
import cn.ipf.batch.KeysetReader;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Job {@value #JOB_NAME}: 代偿与追偿返还 pays a programme's approved claims and returns its recoveries, posting
 * balanced ledger journals.
 *
 * <p>Parameters (identifying): {@code programme} (id) and {@code runAt} (an instant, default: the launch), so every
 * launch is a run of its own and a failed run is restarted, not launched again. Step {@code pay-claims} reads the
 * city-approved and waiting claims first approved first ({@code city_approved_at}, then id) and pays each whose
 * funds cover it; a claim that cannot be paid waits, and so does every claim approved after it (first in, first
 * out). Step {@code return-recoveries} reads, by id, the recoveries of paid claims' loans not yet returned.
 * Both read through the port {@link CompensationQueue} and pay through {@link CompensationPayouts};
 * {@code ipf.batch.risk-compensation.chunk-size} items per transaction (default 1: a failure never undoes a payment
 * already made). The readers keep their position in the step context, so a restart continues after the last
 * committed chunk; the schema's unique keys (one payout journal per claim, one return per recovery) and the
 * re-check under the claim's lock make a second payment impossible in any case.
 */
@Configuration(proxyBeanMethods = false)
public class RiskCompensationJobConfig {

    public static final String JOB_NAME = "risk-compensation";
    private static final String PROGRAMME = "programme";
    private static final String RUN_AT = "runAt";

    @Bean
    Job riskCompensationJob(JobRepository jobRepository, CompensationPayouts payouts, Step compensationPayClaims,
            Step compensationReturnRecoveries) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(parameters -> validate(payouts, parameters))
                .start(compensationPayClaims)
                .next(compensationReturnRecoveries)
                .build();
    }

    @Bean
    JobLaunchDefaults riskCompensationDefaults(Clock clock) {
        return JobLaunchDefaults.defaulting(JOB_NAME, RUN_AT, () -> clock.instant().toString());
    }

    @Bean
    Step compensationPayClaims(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            KeysetReader<QueuedClaim> approvedClaims, ItemWriter<QueuedClaim> claimSettler,
            @Value("${ipf.batch.risk-compensation.chunk-size:1}") int chunkSize) {
        return new StepBuilder("pay-claims", jobRepository)
                .<QueuedClaim, QueuedClaim>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(approvedClaims)
                .writer(claimSettler)
                .build();
    }

    @Bean
    Step compensationReturnRecoveries(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            KeysetReader<Long> unreturnedRecoveries, ItemWriter<Long> recoveryReturner,
            @Value("${ipf.batch.risk-compensation.chunk-size:1}") int chunkSize) {
        return new StepBuilder("return-recoveries", jobRepository)
                .<Long, Long>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(unreturnedRecoveries)
                .writer(recoveryReturner)
                .build();
    }

    @Bean
    @StepScope
    KeysetReader<QueuedClaim> approvedClaims(CompensationQueue queue,
            @Value("#{jobParameters['" + PROGRAMME + "']}") String programme,
            @Value("${ipf.batch.risk-compensation.page-size:50}") int pageSize) {
        long programmeId = Long.parseLong(programme);
        return new KeysetReader<>("approvedClaims", (after, limit) -> queue.approvedClaims(programmeId, after,
                limit), pageSize, QueuedClaim::toString, QueuedClaim::parse);
    }

    @Bean
    @StepScope
    KeysetReader<Long> unreturnedRecoveries(CompensationQueue queue,
            @Value("#{jobParameters['" + PROGRAMME + "']}") String programme,
            @Value("${ipf.batch.risk-compensation.page-size:50}") int pageSize) {
        long programmeId = Long.parseLong(programme);
        return KeysetReader.ids("unreturnedRecoveries", (after, limit) -> queue.unreturnedRecoveries(programmeId,
                after, limit), pageSize);
    }

    @Bean
    @StepScope
    ItemWriter<QueuedClaim> claimSettler(CompensationPayouts payouts,
            @Value("#{jobParameters['" + PROGRAMME + "']}") String programme) {
        long programmeId = Long.parseLong(programme);
        return chunk -> chunk.getItems().forEach(claim -> payouts.settleClaim(programmeId, claim.claimId()));
    }

    @Bean
    @StepScope
    ItemWriter<Long> recoveryReturner(CompensationPayouts payouts,
            @Value("#{jobParameters['" + PROGRAMME + "']}") String programme) {
        long programmeId = Long.parseLong(programme);
        return chunk -> chunk.getItems().forEach(recoveryId -> payouts.returnRecovery(programmeId, recoveryId));
    }

    private static void validate(CompensationPayouts payouts, JobParameters parameters)
            throws InvalidJobParametersException {
        JobLaunchDefaults.requireOnly(parameters, Set.of(PROGRAMME, RUN_AT));
        JobLaunchDefaults.requireParsable(parameters, RUN_AT, Instant::parse, "2026-11-22T02:00:00Z");
        String programme = parameters.getString(PROGRAMME);
        if (programme == null) {
            throw new InvalidJobParametersException(PROGRAMME + " is required");
        }
        try {
            payouts.check(Long.parseLong(programme));
        } catch (IllegalArgumentException e) {
            throw new InvalidJobParametersException(PROGRAMME + ": " + e.getMessage());
        }
    }
}
