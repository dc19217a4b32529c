package it.expertfeedback.base.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Flyway configured the way the application configures it: the {@code spring.flyway.*} settings are read from
 * the application's own {@code application.properties}, so a test migrates exactly as a production start would.
 */
final class Migrations {

    private static final Properties app = load();

    private Migrations() {
    }

    static DataSource dataSource(String url) {
        return new DriverManagerDataSource(url, "postgres", "postgres");
    }

    static JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(dataSource(url));
    }

    static Flyway flyway(String url) {
        return configuration(url).load();
    }

    static FluentConfiguration configuration(String url) {
        var config = Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations(app.getProperty("spring.flyway.locations", "classpath:db/migration").split(","));
        if (Boolean.parseBoolean(app.getProperty("spring.flyway.baseline-on-migrate", "false"))) {
            config.baselineOnMigrate(true);
        }
        String baselineVersion = app.getProperty("spring.flyway.baseline-version");
        if (baselineVersion != null) {
            config.baselineVersion(baselineVersion);
        }
        return config;
    }

    /** A new empty database of the test's own, migrated to the latest version; returns its JDBC URL. */
    static String freshMigratedDatabase(String prefix) {
        String url = it.expertfeedback.support.TestDatabase.freshDatabaseUrl(prefix);
        flyway(url).migrate();
        return url;
    }

    private static Properties load() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
