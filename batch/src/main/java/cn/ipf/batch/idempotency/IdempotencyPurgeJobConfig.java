package cn.ipf.batch.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import cn.ipf.batch.JobLaunchDefaults;
import cn.ipf.batch.KeysetReader;
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
 * Job {@value #JOB_NAME}: deletes idempotency records that expired before the cut-off.
 *
 * <p>Parameter: {@code cutoff} (ISO-8601 instant, default: launch time); chunk size from
 * {@code ipf.batch.idempotency-purge.chunk-size} (default 500). The
 * reader pages by primary key (keyset, not OFFSET) through the port {@link IdempotencyRecords} and saves its position
 * in the step's execution context, so a failed run restarts after the last committed chunk; each chunk's delete
 * re-checks {@code expires_at} so a restart can never delete a record that was still live.
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
            KeysetReader<Long> expiredIdempotencyRecords, ItemWriter<Long> idempotencyRecordDeleter,
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
    KeysetReader<Long> expiredIdempotencyRecords(IdempotencyRecords records,
            @Value("#{jobParameters['" + CUTOFF + "']}") String cutoff,
            @Value("${ipf.batch.idempotency-purge.chunk-size:500}") int chunkSize) {
        Instant cutoffTime = Instant.parse(cutoff);
        return KeysetReader.ids("expiredIdempotencyRecords", (after, limit) -> records.expired(cutoffTime, after,
                limit), chunkSize);
    }

    @Bean
    @StepScope
    ItemWriter<Long> idempotencyRecordDeleter(IdempotencyRecords records,
            @Value("#{jobParameters['" + CUTOFF + "']}") String cutoff) {
        Instant cutoffTime = Instant.parse(cutoff);
        return chunk -> records.delete(List.copyOf(chunk.getItems()), cutoffTime);
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
