package cn.ipf.app.regulator;

import cn.ipf.app.shared.commandline.ServerOnly;
import cn.ipf.batch.JobControl;
import cn.ipf.batch.regulator.MonthlyReportJobConfig;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The monthly run of the report job, for the month before (the job's default). A cron of "-" disables it; running a
 * month twice only replaces its files with the same bytes, unless late records changed the figures.
 */
@Component
@ServerOnly
class MonthlyReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReportSchedule.class);

    private final JobControl jobs;

    MonthlyReportSchedule(JobControl jobs) {
        this.jobs = jobs;
    }

    @Scheduled(cron = "${ipf.batch.regulator-monthly-report.cron:0 0 4 1 * *}", zone = "${ipf.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "regulator-monthly-report")
    void report() {
        try {
            log.info("scheduled monthly report: execution {}",
                    jobs.launch(MonthlyReportJobConfig.JOB_NAME, Map.of()).executionId());
        } catch (Exception e) {
            log.warn("scheduled monthly report refused: {}", e.toString());
        }
    }
}
