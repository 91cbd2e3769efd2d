package cn.ipf.app.loan;

import cn.ipf.app.shared.commandline.ServerOnly;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The deadline check of {@link ResponseDeadlines}, every 15 minutes by default (a cron of "-" disables it), on one
 * instance at a time (its scheduler lock); escalating twice is impossible anyway, the update re-checks the row.
 */
@Component
@ServerOnly
class ResponseDeadlineSchedule {

    private final ResponseDeadlines deadlines;

    ResponseDeadlineSchedule(ResponseDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Scheduled(cron = "${ipf.loan.response-escalation-cron:0 */15 * * * *}", zone = "${ipf.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "loan-response-escalation")
    void check() {
        deadlines.escalateOverdue();
    }
}
