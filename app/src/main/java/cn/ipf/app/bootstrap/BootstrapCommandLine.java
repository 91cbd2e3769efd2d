package cn.ipf.app.bootstrap;

import cn.ipf.app.region.policy.RegionList;
import cn.ipf.app.shared.error.ApiException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Bootstraps a deployment from the command line and exits: 0 when done, 1 when refused (an administrator exists)
 * or when the input is wrong, having written nothing.
 * <pre>
 *   java -jar ipf-app.jar --spring.main.web-application-type=none --ipf.bootstrap.admin=zhang.admin \
 *        [--ipf.bootstrap.password-file=/run/secrets/admin] [--ipf.bootstrap.regions=/etc/ipf/regions.csv]
 * </pre>
 * Without a password file the password is read from the console (not echoed) or the first line of standard input.
 * Without a region file the shipped Shandong list ({@value #SHIPPED_REGIONS}) is imported.
 */
@Component
@ConditionalOnExpression("'${ipf.bootstrap.admin:}' != ''")
class BootstrapCommandLine implements ApplicationRunner {

    static final String SHIPPED_REGIONS = "regions/shandong-gbt2260.csv";
    private static final Logger log = LoggerFactory.getLogger(BootstrapCommandLine.class);

    private final Bootstrap bootstrap;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    BootstrapCommandLine(Bootstrap bootstrap, Environment environment, ConfigurableApplicationContext context) {
        this.bootstrap = bootstrap;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = execute(System.in);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Runs the bootstrap the environment describes; answers the exit code. */
    int execute(InputStream stdin) {
        String admin = environment.getProperty("ipf.bootstrap.admin", "").strip();
        try {
            Bootstrap.RegionSource regions = regions(environment.getProperty("ipf.bootstrap.regions", ""));
            String password = password(admin, environment.getProperty("ipf.bootstrap.password-file", ""), stdin);
            Bootstrap.Outcome outcome = bootstrap.run(admin,
                    environment.getProperty("ipf.bootstrap.display-name", "平台管理员"), password, regions);
            log.info("bootstrap done: administrator {} (user {}), {} of {} regions added from {} (SHA-256 {})",
                    outcome.admin().username(), outcome.admin().id(), outcome.regionsAdded(),
                    regions.entries().size(), regions.location(), regions.sha256());
            return 0;
        } catch (Bootstrap.AlreadyBootstrapped e) {
            log.error("bootstrap refused: {}", e.getMessage());
        } catch (ApiException e) {
            log.error("bootstrap refused: {} {} {}", e.code(), List.of(e.args()), e.violations());
        } catch (RegionList.InvalidLine | IOException | IllegalArgumentException e) {
            log.error("bootstrap refused: {}", e.getMessage());
        }
        return 1;
    }

    private static Bootstrap.RegionSource regions(String location) throws IOException {
        Resource resource = location.isBlank() ? new ClassPathResource(SHIPPED_REGIONS)
                : new FileSystemResource(location);
        byte[] bytes;
        try (InputStream in = resource.getInputStream()) {
            bytes = in.readAllBytes();
        }
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        return new Bootstrap.RegionSource(RegionList.parse(lines),
                location.isBlank() ? "classpath:" + SHIPPED_REGIONS : location, sha256(bytes));
    }

    private static String password(String admin, String file, InputStream stdin) throws IOException {
        String password;
        if (!file.isBlank()) {
            password = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().findFirst().orElse("");
        } else {
            Console console = stdin == System.in ? System.console() : null;
            if (console != null) {
                char[] typed = console.readPassword("Password for %s: ", admin);
                password = typed == null ? "" : new String(typed);
            } else {
                String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
                password = line == null ? "" : line;
            }
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("no password given (password file or standard input)");
        }
        return password;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
