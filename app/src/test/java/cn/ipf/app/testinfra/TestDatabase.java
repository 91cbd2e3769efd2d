package cn.ipf.app.testinfra;

import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Rebuilds the schema from the migrations and loads the demo world, once per Spring test context. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

    @Bean
    FlywayMigrationStrategy cleanMigrateAndLoadDemo(DataSource dataSource) {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
            new ResourceDatabasePopulator(new ClassPathResource("demo/demo-data.sql")).execute(dataSource);
        };
    }
}
