package it.expertfeedback.base;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Housekeeping jobs (@Scheduled) run on Spring's single scheduler thread, and with several instances on one
 * PostgreSQL on one instance at a time: each job carries a ShedLock {@code @SchedulerLock}, kept in the
 * {@code shedlock} table (V12) and timed by the database's clock, so instances with skewed clocks agree.
 */
@Configuration
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                // Who holds a lock, readable by an operator: host and pid, plus a random part for instances in one JVM.
                .withLockedByValue(ManagementFactory.getRuntimeMXBean().getName() + "/"
                        + UUID.randomUUID().toString().substring(0, 8))
                .build());
    }
}
