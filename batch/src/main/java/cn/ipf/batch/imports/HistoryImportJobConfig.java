package cn.ipf.batch.imports;

import cn.ipf.batch.JobLaunchDefaults;
import java.util.Set;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Job {@value #JOB_NAME}: 历史数据迁移 one uploaded file of past records. {@code validate} checks every row and
 * ends the job with exit status {@code REJECTED} when any row has an error (nothing is written); otherwise
 * {@code write} writes the whole file in one transaction, so a file is imported entirely or not at all.
 *
 * <p>Parameter: {@code file} (the import file's id); it identifies the run, so a file is imported once.
 */
@Configuration(proxyBeanMethods = false)
public class HistoryImportJobConfig {

    public static final String JOB_NAME = "history-import";
    public static final String FILE = "file";
    private static final String REJECTED = "REJECTED";

    @Bean
    Job historyImportJob(JobRepository jobRepository, Step historyImportValidate, Step historyImportWrite) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(HistoryImportJobConfig::validate)
                .start(historyImportValidate).on(REJECTED).end()
                .from(historyImportValidate).on(ExitStatus.COMPLETED.getExitCode()).to(historyImportWrite)
                .from(historyImportValidate).on("*").fail()
                .end()
                .build();
    }

    @Bean
    Step historyImportValidate(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            HistoryImports imports) {
        return new StepBuilder("validate", jobRepository)
                .tasklet((contribution, context) -> {
                    if (!imports.validate(fileId(context.getStepContext().getJobParameters().get(FILE)))) {
                        contribution.setExitStatus(new ExitStatus(REJECTED));
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    Step historyImportWrite(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            HistoryImports imports) {
        return new StepBuilder("write", jobRepository)
                .tasklet((contribution, context) -> {
                    imports.write(fileId(context.getStepContext().getJobParameters().get(FILE)));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    private static long fileId(Object parameter) {
        return Long.parseLong(String.valueOf(parameter));
    }

    private static void validate(JobParameters parameters) throws InvalidJobParametersException {
        JobLaunchDefaults.requireOnly(parameters, Set.of(FILE));
        JobLaunchDefaults.requireParsable(parameters, FILE, Long::valueOf, "42");
    }
}
