package cn.ipf.batch.regulator;

import cn.ipf.batch.JobLaunchDefaults;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Job {@value #JOB_NAME}: 月度进展报告 the regulators' monthly progress report of one month, as XLSX and CSV stored
 * with their SHA-256.
 *
 * <p>Parameters (identifying): {@code month} ({@code 2025-03}, default: the month before the launch in
 * {@code ipf.time-zone}) and {@code runAt} (an instant, default: the launch), so a month can be generated again
 * (regenerating gives the same files for the same data). One step, one transaction.
 */
@Configuration(proxyBeanMethods = false)
public class MonthlyReportJobConfig {

    public static final String JOB_NAME = "regulator-monthly-report";
    private static final String MONTH = "month";
    private static final String RUN_AT = "runAt";

    @Bean
    Job regulatorMonthlyReportJob(JobRepository jobRepository, Step regulatorMonthlyReportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(MonthlyReportJobConfig::validate)
                .start(regulatorMonthlyReportStep)
                .build();
    }

    @Bean
    JobLaunchDefaults regulatorMonthlyReportDefaults(Clock clock, ZoneId zone) {
        return new JobLaunchDefaults() {
            @Override
            public String jobName() {
                return JOB_NAME;
            }

            @Override
            public JobParameters complete(JobParameters given) {
                JobParametersBuilder completed = new JobParametersBuilder(given);
                if (given.getString(MONTH) == null) {
                    completed.addString(MONTH, YearMonth.from(LocalDate.ofInstant(clock.instant(), zone)).minusMonths(1)
                            .toString());
                }
                if (given.getString(RUN_AT) == null) {
                    completed.addString(RUN_AT, clock.instant().toString());
                }
                return completed.toJobParameters();
            }
        };
    }

    @Bean
    Step regulatorMonthlyReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            MonthlyReports reports) {
        return new StepBuilder("write-report", jobRepository)
                .tasklet((contribution, context) -> {
                    reports.generate(YearMonth.parse(context.getStepContext().getJobParameters().get(MONTH)
                            .toString()));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    private static void validate(JobParameters parameters) throws InvalidJobParametersException {
        JobLaunchDefaults.requireOnly(parameters, Set.of(MONTH, RUN_AT));
        JobLaunchDefaults.requireParsable(parameters, MONTH, YearMonth::parse, "2025-03");
        JobLaunchDefaults.requireParsable(parameters, RUN_AT, Instant::parse, "2026-01-01T00:00:00Z");
    }
}
