package cn.ipf.batch.webhook;

import cn.ipf.batch.JobLaunchDefaults;
import cn.ipf.batch.KeysetReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * Job {@value #JOB_NAME}: deletes the webhook history banks no longer need — finished deliveries (SUCCEEDED or
 * FAILED) created before the cut-off with their attempts, then the events left without any delivery. Pending
 * deliveries are never touched, whatever their age.
 *
 * <p>Parameter: {@code cutoff} (ISO-8601 instant, default: the launch time less {@code ipf.webhooks.retention},
 * default 180 days; at least a day in the past). Step {@code purge-deliveries} then {@code purge-events}, each paging
 * by primary key (keyset) through the port {@link WebhookHistory} with its position in the step context, so a failed run restarts after its last committed
 * chunk; every delete re-checks its conditions, so a delivery a bank asked to redeliver meanwhile (PENDING again) is
 * kept. {@code ipf.batch.webhook-retention.chunk-size} rows per chunk (default 500).
 */
@Configuration(proxyBeanMethods = false)
public class WebhookRetentionJobConfig {

    public static final String JOB_NAME = "webhook-retention";
    private static final String CUTOFF = "cutoff";

    @Bean
    Job webhookRetentionJob(JobRepository jobRepository, Step webhookPurgeDeliveries, Step webhookPurgeEvents,
            Clock clock) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(parameters -> validate(parameters, clock))
                .start(webhookPurgeDeliveries)
                .next(webhookPurgeEvents)
                .build();
    }

    @Bean
    JobLaunchDefaults webhookRetentionDefaults(@Value("${ipf.webhooks.retention:180d}") Duration retention,
            Clock clock) {
        return JobLaunchDefaults.defaulting(JOB_NAME, CUTOFF, () -> clock.instant().minus(retention).toString());
    }

    @Bean
    Step webhookPurgeDeliveries(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            KeysetReader<Long> finishedWebhookDeliveries, ItemWriter<Long> webhookDeliveryDeleter,
            @Value("${ipf.batch.webhook-retention.chunk-size:500}") int chunkSize) {
        return purge("purge-deliveries", jobRepository, transactionManager, finishedWebhookDeliveries,
                webhookDeliveryDeleter, chunkSize);
    }

    @Bean
    @StepScope
    KeysetReader<Long> finishedWebhookDeliveries(WebhookHistory history,
            @Value("#{jobParameters['" + CUTOFF + "']}") String cutoff,
            @Value("${ipf.batch.webhook-retention.chunk-size:500}") int chunkSize) {
        Instant before = Instant.parse(cutoff);
        return KeysetReader.ids("finishedWebhookDeliveries",
                (after, limit) -> history.finishedDeliveries(before, after, limit), chunkSize);
    }

    @Bean
    @StepScope
    ItemWriter<Long> webhookDeliveryDeleter(WebhookHistory history,
            @Value("#{jobParameters['" + CUTOFF + "']}") String cutoff) {
        Instant before = Instant.parse(cutoff);
        return chunk -> history.deleteDeliveries(List.copyOf(chunk.getItems()), before);
    }

    @Bean
    Step webhookPurgeEvents(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            KeysetReader<Long> unusedWebhookEvents, ItemWriter<Long> webhookEventDeleter,
            @Value("${ipf.batch.webhook-retention.chunk-size:500}") int chunkSize) {
        return purge("purge-events", jobRepository, transactionManager, unusedWebhookEvents, webhookEventDeleter,
                chunkSize);
    }

    @Bean
    @StepScope
    KeysetReader<Long> unusedWebhookEvents(WebhookHistory history,
            @Value("#{jobParameters['" + CUTOFF + "']}") String cutoff,
            @Value("${ipf.batch.webhook-retention.chunk-size:500}") int chunkSize) {
        Instant before = Instant.parse(cutoff);
        return KeysetReader.ids("unusedWebhookEvents", (after, limit) -> history.unusedEvents(before, after, limit),
                chunkSize);
    }

    @Bean
    @StepScope
    ItemWriter<Long> webhookEventDeleter(WebhookHistory history,
            @Value("#{jobParameters['" + CUTOFF + "']}") String cutoff) {
        Instant before = Instant.parse(cutoff);
        return chunk -> history.deleteEvents(List.copyOf(chunk.getItems()), before);
    }

    /** A step deleting, chunk by chunk, the rows whose ids the reader finds. */
    private static Step purge(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
            KeysetReader<Long> ids, ItemWriter<Long> deleter, int chunkSize) {
        return new StepBuilder(name, jobRepository)
                .<Long, Long>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(ids)
                .writer(deleter)
                .build();
    }

    private static void validate(JobParameters parameters, Clock clock) throws InvalidJobParametersException {
        JobLaunchDefaults.requireOnly(parameters, Set.of(CUTOFF));
        JobLaunchDefaults.requireParsable(parameters, CUTOFF, Instant::parse, "2026-01-31T00:00:00Z");
        // a bank reads yesterday's deliveries in its log; nothing that recent is history yet
        if (Instant.parse(parameters.getString(CUTOFF)).isAfter(clock.instant().minus(Duration.ofDays(1)))) {
            throw new InvalidJobParametersException("cutoff must be at least a day in the past");
        }
    }
}
