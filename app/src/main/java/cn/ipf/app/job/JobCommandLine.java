package cn.ipf.app.job;

import cn.ipf.batch.JobControl;
import cn.ipf.batch.JobRun;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Runs one batch job from the command line, through the same {@link JobControl} as the API, waits for it to end and
 * exits with 0 when it completed (1 otherwise):
 * <pre>
 *   java -jar ipf-app.jar --spring.main.web-application-type=none --ipf.batch.run=interest-subsidy \
 *        --ipf.batch.parameters.programme=1 --ipf.batch.parameters.period=2025-Q1
 *   java -jar ipf-app.jar --spring.main.web-application-type=none --ipf.batch.restart=42
 * </pre>
 */
@Component
@ConditionalOnExpression("'${ipf.batch.run:}' != '' or '${ipf.batch.restart:}' != ''")
class JobCommandLine implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(JobCommandLine.class);
    private static final long POLL_MILLIS = 1000;
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    private final JobControl jobs;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    JobCommandLine(JobControl jobs, Environment environment, ConfigurableApplicationContext context) {
        this.jobs = jobs;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = execute();
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Launches (or restarts) the job named in the environment and waits for it; answers the exit code. */
    int execute() {
        try {
            String restart = environment.getProperty("ipf.batch.restart");
            JobRun run;
            if (restart != null && !restart.isBlank()) {
                run = jobs.restart(Long.parseLong(restart))
                        .orElseThrow(() -> new IllegalArgumentException("no job execution " + restart));
            } else {
                Map<String, String> parameters = Binder.get(environment)
                        .bind("ipf.batch.parameters", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
                run = jobs.launch(environment.getProperty("ipf.batch.run"), parameters);
            }
            log.info("job {} execution {} launched with {}", run.jobName(), run.executionId(), run.parameters());
            while (!ENDED.contains(run.status())) {
                Thread.sleep(POLL_MILLIS);
                run = jobs.find(run.executionId()).orElseThrow();
            }
            run.steps().forEach(s -> log.info("  step {} {}: read {}, written {}", s.stepName(), s.status(),
                    s.readCount(), s.writeCount()));
            log.info("job {} execution {} ended {} {}", run.jobName(), run.executionId(), run.status(),
                    run.exitDescription() == null ? "" : run.exitDescription());
            return "COMPLETED".equals(run.status()) ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            log.error("job could not run: {}", e.toString());
            return 1;
        }
    }
}
