package cn.ipf.batch.compensation;

import cn.ipf.batch.JobLaunchDefaults;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
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
            JdbcPagingItemReader<Long> approvedClaims, ItemWriter<Long> claimSettler,
            @Value("${ipf.batch.risk-compensation.chunk-size:1}") int chunkSize) {
        return new StepBuilder("pay-claims", jobRepository)
                .<Long, Long>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(approvedClaims)
                .writer(claimSettler)
                .build();
    }

    @Bean
    Step compensationReturnRecoveries(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcPagingItemReader<Long> unreturnedRecoveries, ItemWriter<Long> recoveryReturner,
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
    JdbcPagingItemReader<Long> approvedClaims(DataSource dataSource,
            @Value("#{jobParameters['" + PROGRAMME + "']}") String programme,
            @Value("${ipf.batch.risk-compensation.page-size:50}") int pageSize) throws Exception {
        // the approval instant as microseconds (a BIGINT): the reader binds the last key it saw, and a bound
        // DATETIME would lose its fraction on MariaDB 10.x
        Map<String, Order> order = new LinkedHashMap<>();
        order.put("approved_key", Order.ASCENDING);
        order.put("id", Order.ASCENDING);
        return new JdbcPagingItemReaderBuilder<Long>()
                .name("approvedClaims")
                .dataSource(dataSource)
                .selectClause("id, approved_key")
                .fromClause("(SELECT id, programme_id, status, TIMESTAMPDIFF(MICROSECOND, '2000-01-01',"
                        + " city_approved_at) AS approved_key FROM compensation_claim) q")
                .whereClause("programme_id = :programme AND status IN ('CITY_APPROVED', 'WAITING_FOR_FUNDS')")
                .parameterValues(Map.of(PROGRAMME, Long.parseLong(programme)))
                .sortKeys(order)
                .pageSize(pageSize)
                .rowMapper((rs, row) -> rs.getLong("id"))
                .saveState(true)
                .build();
    }

    @Bean
    @StepScope
    JdbcPagingItemReader<Long> unreturnedRecoveries(DataSource dataSource,
            @Value("#{jobParameters['" + PROGRAMME + "']}") String programme,
            @Value("${ipf.batch.risk-compensation.page-size:50}") int pageSize) throws Exception {
        return new JdbcPagingItemReaderBuilder<Long>()
                .name("unreturnedRecoveries")
                .dataSource(dataSource)
                .selectClause("id")
                .fromClause("loan_recovery r")
                .whereClause("EXISTS (SELECT 1 FROM compensation_claim c WHERE c.loan_id = r.loan_id"
                        + " AND c.programme_id = :programme AND c.status = 'PAID')"
                        + " AND NOT EXISTS (SELECT 1 FROM compensation_recovery_return x WHERE x.recovery_id = r.id)")
                .parameterValues(Map.of(PROGRAMME, Long.parseLong(programme)))
                .sortKeys(Map.of("id", Order.ASCENDING))
                .pageSize(pageSize)
                .rowMapper((rs, row) -> rs.getLong(1))
                .saveState(true)
                .build();
    }

    @Bean
    @StepScope
    ItemWriter<Long> claimSettler(CompensationPayouts payouts,
            @Value("#{jobParameters['" + PROGRAMME + "']}") String programme) {
        long programmeId = Long.parseLong(programme);
        return chunk -> chunk.getItems().forEach(claimId -> payouts.settleClaim(programmeId, claimId));
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
