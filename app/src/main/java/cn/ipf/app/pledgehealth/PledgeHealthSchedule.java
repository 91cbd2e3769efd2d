package cn.ipf.app.pledgehealth;

import cn.ipf.app.shared.commandline.ServerOnly;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The daily deadline scan of pledged assets, on one instance (ShedLock); today comes from the Clock bean. */
@Component
@ServerOnly
class PledgeHealthSchedule {

    private static final Logger log = LoggerFactory.getLogger(PledgeHealthSchedule.class);

    private final PledgeHealth health;
    private final int lookaheadDays;

    PledgeHealthSchedule(PledgeHealth health, @Value("${ipf.pledge-health.lookahead-days:90}") int lookaheadDays) {
        this.health = health;
        this.lookaheadDays = lookaheadDays;
    }

    @Scheduled(cron = "${ipf.pledge-health.warning-cron:0 15 6 * * *}", zone = "${ipf.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "pledge-health-warnings")
    void scan() {
        log.info("pledge deadline scan: {} warnings raised", health.warnAhead(lookaheadDays));
    }
}
