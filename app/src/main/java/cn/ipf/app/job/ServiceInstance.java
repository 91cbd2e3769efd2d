package cn.ipf.app.job;

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
 * ({@code ipf.instance.name}, default the host name; a command-line run adds its process id so that it never takes
 * a server's name), an incarnation per start, and the heartbeat that tells the other instances it is alive. The
 * job executions it runs are recorded as its own, so that those of a stopped instance can be told apart from those
 * still running elsewhere.
 */
@Component
class ServiceInstance implements JobExecutionOwnership {

    private final JobOwnerMapper mapper;
    private final String name;
    private final String incarnation = UUID.randomUUID().toString();
    private final long timeoutSeconds;

    ServiceInstance(JobOwnerMapper mapper, Environment environment,
            @Value("${ipf.instance.name:}") String configuredName,
            @Value("${ipf.instance.heartbeat-timeout:60s}") Duration timeout) {
        this.mapper = mapper;
        this.timeoutSeconds = Math.max(1, timeout.toSeconds());
        String base = configuredName.isBlank() ? hostName() : configuredName;
        boolean commandLine = !environment.getProperty("ipf.batch.run", "").isBlank()
                || !environment.getProperty("ipf.batch.restart", "").isBlank();
        this.name = commandLine && configuredName.isBlank() ? base + "-cli-" + ProcessHandle.current().pid() : base;
    }

    String name() {
        return name;
    }

    void beat() {
        mapper.beat(name, incarnation);
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
