package cn.ipf.app.job;

import cn.ipf.app.shared.commandline.CommandLineRun;
import cn.ipf.batch.JobExecutionOwnership;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * 服务实例 this instance of the service among those sharing the database: a name that stays the same across restarts
 * ({@code ipf.instance.name}, default the host name; a command-line run always adds {@code -cli-<pid>}, so that it
 * does not take the name of a server started with the same environment), an incarnation per start, and the heartbeat
 * that tells the other instances it is alive. The job executions it runs are recorded as its own, so that those of a
 * stopped instance can be told apart from those still running elsewhere.
 *
 * <p>Only the first beat of a start replaces the name's incarnation; later beats renew only this incarnation. When
 * one finds the name held by another incarnation (two processes configured with one name), this process is
 * displaced: it logs an ERROR, stops beating and no longer recovers executions, since it can no longer tell its own
 * from the other process's.
 */
@Component
class ServiceInstance implements JobExecutionOwnership {

    private final JobOwnerMapper mapper;
    private final String name;
    private final String incarnation = UUID.randomUUID().toString();
    private final long timeoutSeconds;
    private volatile boolean started;
    private volatile boolean displaced;

    ServiceInstance(JobOwnerMapper mapper, Environment environment,
            @Value("${ipf.instance.name:}") String configuredName,
            @Value("${ipf.instance.heartbeat-timeout:60s}") Duration timeout) {
        this.mapper = mapper;
        this.timeoutSeconds = Math.max(1, timeout.toSeconds());
        String base = configuredName.isBlank() ? hostName() : configuredName;
        this.name = CommandLineRun.in(environment) ? base + "-cli-" + ProcessHandle.current().pid() : base;
    }

    String name() {
        return name;
    }

    /**
     * Records this incarnation as alive now; false once another process holds the name (then for good: the other
     * process's start replaced this incarnation).
     */
    boolean beat() {
        if (displaced) {
            return false;
        }
        if (!started) {
            mapper.start(name, incarnation);
            started = true;
            return true;
        }
        if (mapper.beat(name, incarnation) == 0) {
            displaced = true;
            return false;
        }
        return true;
    }

    @Override
    public void claim(long executionId) {
        mapper.claim(executionId, name, incarnation);
    }

    List<Long> orphans() {
        return mapper.orphans(timeoutSeconds);
    }

    @Override
    public boolean isRunningSomewhere(long executionId) {
        return mapper.alive(executionId, timeoutSeconds);
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
