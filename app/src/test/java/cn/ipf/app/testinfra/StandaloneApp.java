package cn.ipf.app.testinfra;

import cn.ipf.app.IpfApplication;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The service started the way a deployment starts it — its own {@code SpringApplication}, not a test context — on a
 * database of its own on the test server, for tests that need an empty database (bootstrap, demo loader).
 */
public final class StandaloneApp {

    private StandaloneApp() {
    }

    /** Creates (or recreates) an empty database on the test server; answers the properties that point at it. */
    public static Map<String, String> freshDatabase(String name) {
        Infrastructure infra = Infrastructure.get();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.username(), infra.password());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " (the test server's user needs "
                    + "CREATE and DROP)", e);
        }
        Map<String, String> p = new LinkedHashMap<>(infra.properties(false));
        p.put("spring.datasource.url", infra.jdbcUrl().replaceFirst("/[A-Za-z0-9_]+\\?", "/" + name + "?"));
        return p;
    }

    /**
     * Starts the application without a web server, as {@code IpfApplication.main} does with
     * {@code --spring.main.web-application-type=none}: the properties as command-line arguments (so they win over
     * application.yml), the test profile's settings, and without the test sources' {@code @TestConfiguration}
     * classes (which a test context leaves out of the component scan too). Servlet applications are started in a
     * JVM of their own instead: an embedded Tomcat stopped inside the test JVM breaks later contexts' class loading.
     */
    public static ConfigurableApplicationContext start(Map<String, String> properties) {
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(IpfApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("testConfigurationsExcluded", new TestConfigurationsExcluded()))
                .run(args);
    }

    private static final class TestConfigurationsExcluded extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestConfigurationsExcluded;
        }

        @Override
        public int hashCode() {
            return TestConfigurationsExcluded.class.hashCode();
        }
    }
}
