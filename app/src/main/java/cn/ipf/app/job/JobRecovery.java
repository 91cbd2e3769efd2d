package cn.ipf.app.job;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.security.Actor;
import cn.ipf.batch.JobControl;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crash recovery without SQL. Every job execution is recorded as run by this instance when it starts
 * ({@link ServiceInstance}); the instance beats every {@code ipf.instance.heartbeat}. On start-up and at every beat,
 * executions still marked running whose owner is gone (this instance's earlier incarnation, or any instance silent
 * for {@code ipf.instance.heartbeat-timeout}) are marked FAILED with the reason {@value #INSTANCE_STOPPED}, audited,
 * and can then be restarted through the job API or the command line. The heartbeat runs on every instance (no
 * scheduler lock): it is each one's own sign of life, on a thread of its own, so that a long scheduled task (a
 * webhook dispatch pass) cannot delay it until other instances take this one for dead.
 */
@Component
class JobRecovery {

    static final String INSTANCE_STOPPED = "instance stopped";
    private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);

    private final ServiceInstance instance;
    private final JobControl jobs;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Duration heartbeat;
    private final ThreadPoolTaskScheduler heartbeatThread = new ThreadPoolTaskScheduler();
    private final AtomicBoolean displaced = new AtomicBoolean();

    JobRecovery(ServiceInstance instance, JobControl jobs, AuditTrail audit, TransactionTemplate tx,
            @Value("${ipf.instance.heartbeat:10s}") Duration heartbeat) {
        this.instance = instance;
        this.jobs = jobs;
        this.audit = audit;
        this.tx = tx;
        this.heartbeat = heartbeat;
    }

    /** Before any command-line run: a restart right after a crash finds the crashed execution FAILED already. */
    @EventListener(ApplicationStartedEvent.class)
    void started() {
        beatAndRecover();
        heartbeatThread.setThreadNamePrefix("heartbeat-");
        heartbeatThread.initialize();
        heartbeatThread.scheduleWithFixedDelay(this::beatAndRecover, heartbeat);
    }

    @PreDestroy
    void stop() {
        heartbeatThread.shutdown();
    }

    void beatAndRecover() {
        try {
            if (instance.beat()) {
                recoverOrphans();
            } else if (displaced.compareAndSet(false, true)) {
                log.error("instance name {} is held by another process (same ipf.instance.name?): this process no"
                        + " longer beats nor recovers job executions; give each process its own name", instance.name());
            }
        } catch (RuntimeException e) {
            // a database outage: the next beat tries again
            log.warn("heartbeat of instance {} failed: {}", instance.name(), e.toString());
        }
    }

    /** Marks the executions whose owner is gone FAILED; answers their ids. */
    List<Long> recoverOrphans() {
        List<Long> recovered = new ArrayList<>();
        for (long id : instance.orphans()) {
            try {
                jobs.fail(id, INSTANCE_STOPPED).ifPresent(run -> {
                    recovered.add(id);
                    log.warn("job {} execution {} marked FAILED: {}", run.jobName(), id, INSTANCE_STOPPED);
                    tx.executeWithoutResult(s -> audit.recordAs(Actor.SYSTEM, "JOB_RECOVERED", "JOB_EXECUTION", id,
                            Map.of("jobName", run.jobName(), "reason", INSTANCE_STOPPED, "by", instance.name())));
                });
            } catch (OptimisticLockingFailureException e) {
                // another instance recovered it at the same moment
            }
        }
        return recovered;
    }
}
