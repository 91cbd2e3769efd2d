package cn.ipf.app.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.OtherInstance;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first day of a deployment: the service started as the jar starts it (no web server) on an empty database
 * that only Flyway has touched, bootstrapped through the command line's code path.
 */
class BootstrapTest {

    private static ConfigurableApplicationContext app;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        Map<String, String> properties = OtherInstance.freshDatabase("ipf_bootstrap");
        app = OtherInstance.start("bootstrap", false, properties);
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void bootstrapsAnEmptyDeploymentOnceAndRefusesEveryLaterRun(@TempDir Path dir) throws Exception {
        assertThat(count("app_user")).isZero();
        assertThat(count("region")).isZero();

        // a broken region file and a weak password are refused with nothing written
        Path badRegions = Files.writeString(dir.resolve("regions.csv"),
                "code,name,level,parent_code\n370000,山东省,PROVINCE,\n370200,青岛市,CITY,\n");
        Path goodPassword = Files.writeString(dir.resolve("password"), "Strong-pass-2026\n");
        assertThat(run(Map.of("ipf.bootstrap.admin", "office-admin", "ipf.bootstrap.password-file",
                goodPassword.toString(), "ipf.bootstrap.regions", badRegions.toString()), "")).isEqualTo(1);
        Path weak = Files.writeString(dir.resolve("weak"), "short\n");
        assertThat(run(Map.of("ipf.bootstrap.admin", "office-admin", "ipf.bootstrap.password-file",
                weak.toString()), "")).isEqualTo(1);
        assertThat(count("app_user") + count("region") + count("audit_event")).isZero();

        // the shipped Shandong list and the password from standard input
        assertThat(run(Map.of("ipf.bootstrap.admin", "office-admin"), "Strong-pass-2026\n")).isZero();
        assertThat(jdbc.queryForList("SELECT role FROM app_user", String.class)).containsExactly("ADMIN");
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'office-admin'",
                String.class);
        assertThat(app.getBean(PasswordEncoder.class).matches("Strong-pass-2026", hash)).isTrue();
        assertThat(count("region")).isEqualTo(153);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE region_level = 'CITY' "
                + "AND parent_code = '370000'", Long.class)).isEqualTo(16);
        assertThat(jdbc.queryForObject("SELECT name FROM region WHERE code = '370211'", String.class))
                .isEqualTo("黄岛区");
        List<String> actions = jdbc.queryForList("SELECT action FROM audit_event ORDER BY id", String.class);
        assertThat(actions).containsExactly("REGIONS_IMPORTED", "USER_CREATED", "DEPLOYMENT_BOOTSTRAPPED");
        String summary = jdbc.queryForObject("SELECT summary FROM audit_event WHERE action = "
                + "'DEPLOYMENT_BOOTSTRAPPED'", String.class);
        assertThat(summary).contains("office-admin").contains("classpath:regions/shandong-gbt2260.csv")
                .contains("\"regionsAdded\":153");

        // once an administrator exists, the bootstrap refuses, whatever it is given
        Path password = Files.writeString(dir.resolve("password2"), "Another-pass-2026\n");
        assertThat(run(Map.of("ipf.bootstrap.admin", "intruder", "ipf.bootstrap.password-file",
                password.toString()), "")).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT username FROM app_user", String.class)).containsExactly("office-admin");
        assertThat(count("audit_event")).isEqualTo(3);
    }

    private static int run(Map<String, String> properties, String stdin) {
        MockEnvironment environment = new MockEnvironment();
        properties.forEach(environment::setProperty);
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        return new BootstrapCommandLine(app.getBean(Bootstrap.class), environment, null).execute(in);
    }

    private static long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
