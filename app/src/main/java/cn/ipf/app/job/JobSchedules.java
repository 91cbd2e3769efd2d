package cn.ipf.app.job;

import cn.ipf.app.shared.commandline.ServerOnly;
import cn.ipf.batch.JobControl;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Scheduled launches, through the same {@link JobControl} as the API, each on one instance only (the schedule's lock,
 * see {@link ScheduleLocks}).
 * A cron of "-" disables a schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ServerOnly
class JobSchedules {

    private static final Logger log = LoggerFactory.getLogger(JobSchedules.class);

    private final JobControl jobs;

    JobSchedules(JobControl jobs) {
        this.jobs = jobs;
    }

    @Scheduled(cron = "${ipf.batch.library-rereview.cron:0 0 2 15 1 *}", zone = "${ipf.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "library-rereview")
    void annualLibraryRereview() {
        launch("library-rereview");
    }

    @Scheduled(cron = "${ipf.batch.idempotency-purge.cron:0 30 3 * * *}", zone = "${ipf.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "idempotency-purge")
    void dailyIdempotencyPurge() {
        launch("idempotency-purge");
    }

    @Scheduled(cron = "${ipf.batch.webhook-retention.cron:0 45 3 * * *}", zone = "${ipf.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "webhook-retention")
    void dailyWebhookRetention() {
        launch("webhook-retention");
    }

    private void launch(String jobName) {
        try {
            log.info("scheduled launch of {}: execution {}", jobName, jobs.launch(jobName, Map.of()).executionId());
        } catch (Exception e) {
            log.warn("scheduled launch of {} refused: {}", jobName, e.toString());
        }
    }
}
