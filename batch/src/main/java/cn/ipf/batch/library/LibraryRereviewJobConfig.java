package cn.ipf.batch.library;

import cn.ipf.batch.JobLaunchDefaults;
import cn.ipf.batch.KeysetReader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Job {@value #JOB_NAME}: 年度复核 re-screens every admitted enterprise under the rules in force on the review date.
 * Entries that now fail a gate or fall below the threshold are flagged for review; dishonesty-listed ones are
 * suspended (the only automatic change).
 *
 * <p>Parameter: {@code reviewDate} (ISO date, default: today in {@code ipf.time-zone}); it identifies the run, so a
 * date is reviewed once. The reader pages admitted entries by enterprise id and keeps its position in the step
 * context: after a failure, a restart continues after the last committed chunk, and a failed chunk's work rolled
 * back with it, so no enterprise is reviewed twice.
 */
@Configuration(proxyBeanMethods = false)
public class LibraryRereviewJobConfig {

    public static final String JOB_NAME = "library-rereview";
    private static final String REVIEW_DATE = "reviewDate";

    @Bean
    Job libraryRereviewJob(JobRepository jobRepository, Step libraryRereviewStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(LibraryRereviewJobConfig::validate)
                .start(libraryRereviewStep)
                .build();
    }

    @Bean
    JobLaunchDefaults libraryRereviewDefaults(Clock clock, ZoneId zone) {
        return JobLaunchDefaults.defaulting(JOB_NAME, REVIEW_DATE, () -> LocalDate.ofInstant(clock.instant(), zone)
                .toString());
    }

    @Bean
    Step libraryRereviewStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            KeysetReader<Long> admittedEnterprises, ItemWriter<Long> rereviewWriter,
            @Value("${ipf.batch.library-rereview.chunk-size:100}") int chunkSize) {
        return new StepBuilder("rereview-admitted", jobRepository)
                .<Long, Long>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(admittedEnterprises)
                .writer(rereviewWriter)
                .build();
    }

    @Bean
    @StepScope
    KeysetReader<Long> admittedEnterprises(LibraryRereview library,
            @Value("${ipf.batch.library-rereview.chunk-size:100}") int chunkSize) {
        return KeysetReader.ids("admittedEnterprises", library::admitted, chunkSize);
    }

    @Bean
    @StepScope
    ItemWriter<Long> rereviewWriter(LibraryRereview library,
            @Value("#{jobParameters['" + REVIEW_DATE + "']}") String reviewDate) {
        LocalDate date = LocalDate.parse(reviewDate);
        return chunk -> chunk.getItems().forEach(enterpriseId -> library.rereview(enterpriseId, date));
    }

    private static void validate(JobParameters parameters) throws InvalidJobParametersException {
        JobLaunchDefaults.requireOnly(parameters, java.util.Set.of(REVIEW_DATE));
        JobLaunchDefaults.requireParsable(parameters, REVIEW_DATE, LocalDate::parse, "2026-01-15");
    }
}
