package cn.ipf.app.subsidy;

import cn.ipf.app.shared.commandline.ServerOnly;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.subsidy.policy.SubsidyPeriod;
import cn.ipf.batch.JobControl;
import cn.ipf.batch.subsidy.InterestSubsidyJobConfig;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scheduled subsidy work: each month the interest-subsidy run of the month before for every programme whose period
 * covers it, and each day the expiry of computed claims past their declaration deadline. A cron of "-" disables a
 * schedule; each runs on one instance only (its scheduler lock).
 */
@Component
@ServerOnly
class SubsidySchedules {

    private static final Logger log = LoggerFactory.getLogger(SubsidySchedules.class);

    private final JobControl jobs;
    private final Programmes programmes;
    private final SubsidyClaims claims;
    private final BusinessCalendar calendar;

    SubsidySchedules(JobControl jobs, Programmes programmes, SubsidyClaims claims, BusinessCalendar calendar) {
        this.jobs = jobs;
        this.programmes = programmes;
        this.claims = claims;
        this.calendar = calendar;
    }

    @Scheduled(cron = "${ipf.batch.interest-subsidy.cron:0 0 2 5 * *}", zone = "${ipf.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "interest-subsidy")
    void monthlyInterestSubsidy() {
        SubsidyPeriod month = SubsidyPeriod.monthBefore(calendar.today());
        for (Programmes.Programme p : programmes.all()) {
            if (!month.overlaps(p.row().periodStart(), p.row().periodEnd())) {
                continue;
            }
            Map<String, String> parameters = Map.of("programme", String.valueOf(p.row().id()), "period",
                    month.code());
            try {
                log.info("scheduled interest-subsidy run {}: execution {}", parameters,
                        jobs.launch(InterestSubsidyJobConfig.JOB_NAME, parameters).executionId());
            } catch (Exception e) {
                log.warn("scheduled interest-subsidy run {} refused: {}", parameters, e.toString());
            }
        }
    }

    @Scheduled(cron = "${ipf.subsidy.expiry-cron:0 30 1 * * *}", zone = "${ipf.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "subsidy-claim-expiry")
    void dailyClaimExpiry() {
        log.info("expired {} computed subsidy claims past their declaration deadline",
                claims.expireOverdue(calendar.today()));
    }
}
