package cn.ipf.batch;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Spring Batch wiring beyond Boot's defaults: jobs launched through the API run on their own small pool, so a launch
 * returns at once with the execution id and the caller polls for progress. Every job (including those run inside
 * another job) records the instance running each execution ({@link JobExecutionOwnership}) and ends a failure with
 * its root cause in words as the exit description ({@link JobFailures}), never a stack trace.
 */
@Configuration(proxyBeanMethods = false)
public class BatchInfrastructure {

    @Bean
    @BatchTaskExecutor
    TaskExecutor batchTaskExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("batch-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(50);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.initialize();
        return executor;
    }

    @Bean
    static BeanPostProcessor everyJobTracked(ObjectProvider<JobExecutionOwnership> ownership) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractJob job) {
                    job.registerJobExecutionListener(tracking(ownership));
                }
                return bean;
            }
        };
    }

    private static JobExecutionListener tracking(ObjectProvider<JobExecutionOwnership> ownership) {
        return new JobExecutionListener() {
            @Override
            public void beforeJob(JobExecution execution) {
                ownership.getObject().claim(execution.getId());
            }

            @Override
            public void afterJob(JobExecution execution) {
                if (execution.getStatus() == BatchStatus.FAILED) {
                    execution.setExitStatus(new ExitStatus(execution.getExitStatus().getExitCode(),
                            JobFailures.reason(execution)));
                }
            }
        };
    }
}
