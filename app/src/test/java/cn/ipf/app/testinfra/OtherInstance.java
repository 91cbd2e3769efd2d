package cn.ipf.app.testinfra;

import cn.ipf.app.IpfApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Another instance of the service next to the test's own, on the same database and Redis (or on an empty database of
 * its own, {@link #freshDatabase}): in this JVM (a second application context) or, through {@link #main}, in a
 * process of its own. It never rebuilds the schema and leaves
 * out the test sources' configurations (the schema rebuild, the demo loader), which a plain component scan of
 * {@code cn.ipf.app} would otherwise pick up.
 */
public final class OtherInstance {

    private OtherInstance() {
    }

    /** Starts an instance named {@code name}; with {@code web}, on a free port ({@link #port}). */
    public static ConfigurableApplicationContext start(String name, boolean web, Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>(Infrastructure.get().properties(false));
        properties.put("ipf.instance.name", name);
        properties.put("server.port", "0");
        properties.putAll(extra);
        // as command-line arguments: they must win over application.yml, as the environment would in production
        return builder(web).run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new));
    }

    /** Creates (or recreates) an empty database on the test server; returns the properties that point at it. */
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

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A separate process: the service's command line with the test profile, against the given database. */
    public static void main(String[] args) {
        builder(false).run(args);
    }

    private static SpringApplicationBuilder builder(boolean web) {
        return new SpringApplicationBuilder(IpfApplication.class)
                .profiles("test")
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("testSourcesExcluded", new TestSourcesExcluded()));
    }

    /** Keeps the test sources' own configurations out of the component scan. */
    static final class TestSourcesExcluded extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            String name = reader.getClassMetadata().getClassName();
            return name.startsWith("cn.ipf.app.testinfra.") || name.startsWith("cn.ipf.app.demo.");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestSourcesExcluded;
        }

        @Override
        public int hashCode() {
            return TestSourcesExcluded.class.hashCode();
        }
    }
}
