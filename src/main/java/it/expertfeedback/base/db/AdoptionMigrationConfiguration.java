package it.expertfeedback.base.db;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every start runs the adoption preflight before Flyway (DOMAIN.md §11): a database the pending migrations would
 * break (duplicates, orphans, conflicting objects) stops the start with the report, before anything is changed.
 */
@Configuration(proxyBeanMethods = false)
class AdoptionMigrationConfiguration {

    @Bean
    FlywayMigrationStrategy preflightThenMigrate() {
        return flyway -> {
            if (flyway.info().pending().length == 0) {
                return;   // nothing would run, so nothing could fail: no scans of large tables on every start
            }
            AdoptionReport report = new AdoptionPreflight(flyway.getConfiguration().getDataSource()).check(false);
            if (report.blocked()) {
                throw new AdoptionBlocked(report);
            }
            flyway.migrate();
        };
    }
}
