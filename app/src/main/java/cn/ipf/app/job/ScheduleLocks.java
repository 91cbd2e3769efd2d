package cn.ipf.app.job;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One run of each schedule across the instances sharing the database: every {@code @Scheduled} method also carries
 * {@code @SchedulerLock}, and the instance that takes the lock (table {@code shedlock}, in database time so that the
 * instances' clocks do not matter) runs it. A lock is held at least 30 s, longer than instances firing the same cron
 * can be apart, and at most 30 min should an instance die holding it. The instance heartbeat ({@link JobRecovery})
 * is not locked: every instance beats for itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M", defaultLockAtLeastFor = "PT30S")
class ScheduleLocks {

    @Bean
    LockProvider scheduleLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
