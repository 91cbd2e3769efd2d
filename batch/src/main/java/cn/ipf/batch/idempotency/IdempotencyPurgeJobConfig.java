package cn.ipf.batch.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import javax.sql.DataSource;
import cn.ipf.batch.JobLaunchDefaults;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Job {@value #JOB_NAME}: deletes idempotency records that expired before the cut-off.
 *
 * <p>Parameter: {@code cutoff} (ISO-8601 instant, default: launch time); chunk size from
 * {@code ipf.batch.idempotency-purge.chunk-size} (default 500). The
 * reader pages by primary key (keyset, not OFFSET) and saves its position in the step's execution context, so a
 * failed run restarts after the last committed chunk; each chunk's delete re-checks {@code expires_at} so a restart
 * can never delete a record that was still live.
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyPurgeJobConfig {

    public static final String JOB_NAME = "idempotency-purge";
    private static final String CUTOFF = "cutoff";

    @Bean
    Job idempotencyPurgeJob(JobRepository jobRepository, Step idempotencyPurgeStep, Clock clock) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(parameters -> validate(parameters, clock))
                .start(idempotencyPurgeStep)
                .build();
    }

    /** The cut-off defaults to the launch time. */
    @Bean
    JobLaunchDefaults idempotencyPurgeDefaults(Clock clock) {
        return JobLaunchDefaults.defaulting(JOB_NAME, CUTOFF, () -> clock.instant().toString());
    }

    @Bean
    Step idempotencyPurgeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcPagingItemReader<Long> expiredIdempotencyRecords, ItemWriter<Long> idempotencyRecordDeleter,
            @Value("${ipf.batch.idempotency-purge.chunk-size:500}") int defaultChunkSize) {
        return new StepBuilder("purge-expired-records", jobRepository)
                .<Long, Long>chunk(defaultChunkSize)
                .transactionManager(transactionManager)
                .reader(expiredIdempotencyRecords)
                .writer(idempotencyRecordDeleter)
                .build();
    }

    @Bean
    @StepScope
    JdbcPagingItemReader<Long> expiredIdempotencyRecords(DataSource dataSource,
            @Value("#{jobParameters['" + CUTOFF + "']}") String cutoff,
            @Value("${ipf.batch.idempotency-purge.chunk-size:500}") int chunkSize) throws Exception {
        return new JdbcPagingItemReaderBuilder<Long>()
                .name("expiredIdempotencyRecords")
                .dataSource(dataSource)
                .selectClause("id")
                .fromClause("idempotency_record")
                .whereClause("expires_at < :cutoff")
                .parameterValues(Map.of(CUTOFF, JobLaunchDefaults.utc(cutoff)))
                .sortKeys(Map.of("id", Order.ASCENDING))
                .pageSize(chunkSize)
                .rowMapper((rs, row) -> rs.getLong(1))
                .saveState(true)
                .build();
    }

    @Bean
    @StepScope
    ItemWriter<Long> idempotencyRecordDeleter(NamedParameterJdbcTemplate jdbc,
            @Value("#{jobParameters['" + CUTOFF + "']}") String cutoff) {
        LocalDateTime cutoffTime = JobLaunchDefaults.utc(cutoff);
        // one primary-key point delete per item: whatever plan the optimizer picks for a small table, a chunk
        // locks only the rows it deletes, never a neighbour held by a live request
        return chunk -> jdbc.batchUpdate(
                "DELETE FROM idempotency_record WHERE id = :id AND expires_at < :cutoff",
                chunk.getItems().stream()
                        .map(id -> new MapSqlParameterSource().addValue("id", id).addValue(CUTOFF, cutoffTime))
                        .toArray(SqlParameterSource[]::new));
    }

    private static void validate(JobParameters parameters, Clock clock) throws InvalidJobParametersException {
        JobLaunchDefaults.requireOnly(parameters, java.util.Set.of(CUTOFF));
        JobLaunchDefaults.requireParsable(parameters, CUTOFF, Instant::parse, "2026-01-31T00:00:00Z");
        // a cut-off in the future would delete live keys and break the 24-hour replay guarantee
        if (Instant.parse(parameters.getString(CUTOFF)).isAfter(clock.instant())) {
            throw new InvalidJobParametersException("cutoff must not be in the future");
        }
    }
}
