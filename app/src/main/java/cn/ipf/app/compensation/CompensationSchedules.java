package cn.ipf.app.compensation;

import cn.ipf.app.shared.commandline.ServerOnly;
import cn.ipf.batch.JobControl;
import cn.ipf.batch.compensation.RiskCompensationJobConfig;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scheduled runs of the risk-compensation job, one per programme with work to do, so approved claims are paid and claims waiting for
 * funds are paid once money has been added. The schedule runs on one instance only (its scheduler lock); each claim is
 * also paid under its own lock, once. A cron of "-" disables the schedule.
 */
@Component
@ServerOnly
class CompensationSchedules {

    private static final Logger log = LoggerFactory.getLogger(CompensationSchedules.class);

    private final JobControl jobs;
    private final CompensationProgrammes programmes;
    private final CompensationSettlement settlement;

    CompensationSchedules(JobControl jobs, CompensationProgrammes programmes, CompensationSettlement settlement) {
        this.jobs = jobs;
        this.programmes = programmes;
        this.settlement = settlement;
    }

    @Scheduled(cron = "${ipf.batch.risk-compensation.cron:0 0 * * * *}", zone = "${ipf.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "risk-compensation")
    void settle() {
        for (CompensationProgrammes.Programme p : programmes.all()) {
            if (!settlement.pendingWork(p.row().id())) {
                continue;
            }
            Map<String, String> parameters = Map.of("programme", String.valueOf(p.row().id()));
            try {
                log.info("scheduled risk-compensation run {}: execution {}", parameters,
                        jobs.launch(RiskCompensationJobConfig.JOB_NAME, parameters).executionId());
            } catch (Exception e) {
                log.warn("scheduled risk-compensation run {} refused: {}", parameters, e.toString());
            }
        }
    }
}
