package it.expertfeedback.base.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code ./efs adopt --check} and {@code ./efs adopt} (DOMAIN.md §11, DD013) on the database named by
 * SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD, without starting the application: the check only reads; the apply runs
 * the preflight and then every pending migration in one transaction, or nothing.
 */
public final class Adoption {

    private final DataSource dataSource;
    private final List<String> extraLocations;

    /** {@code extraLocations}: more migration folders (tests put a failing last migration there). */
    public Adoption(DataSource dataSource, List<String> extraLocations) {
        this.dataSource = dataSource;
        this.extraLocations = List.copyOf(extraLocations);
    }

    public AdoptionReport check() {
        return new AdoptionPreflight(dataSource).check(true);
    }

    /**
     * Preflight, then all pending migrations as one transaction. When the migration fails, the Flyway history table
     * this run created for the baseline (outside that transaction) is dropped again: the catalog is as before.
     */
    public AdoptionReport apply() {
        AdoptionReport report = check();
        if (report.blocked()) {
            throw new AdoptionBlocked(report);
        }
        AdoptionQueries queries = new AdoptionQueries(new JdbcTemplate(dataSource));
        boolean historyExisted = queries.tableExists("flyway_schema_history");
        try {
            flyway(dataSource, extraLocations, true).migrate();
        } catch (FlywayException e) {
            if (!historyExisted) {
                new JdbcTemplate(dataSource).execute("drop table if exists flyway_schema_history");
            }
            throw e;
        }
        return report;
    }

    /** Flyway exactly as application.properties configures Spring Boot's, plus the adoption callback when asked. */
    static Flyway flyway(DataSource dataSource, List<String> extraLocations, boolean resolveDuplicates) {
        Properties app = applicationProperties();
        List<String> locations = new ArrayList<>(List.of(
                app.getProperty("spring.flyway.locations", "classpath:db/migration").split(",")));
        locations.addAll(extraLocations);
        FluentConfiguration config = Flyway.configure().dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .baselineOnMigrate(Boolean.parseBoolean(app.getProperty("spring.flyway.baseline-on-migrate")))
                .baselineVersion(app.getProperty("spring.flyway.baseline-version", "1"))
                .group(Boolean.parseBoolean(app.getProperty("spring.flyway.group")));
        if (resolveDuplicates) {
            config.callbacks(new SupersedeDuplicatesBeforeV6());
        }
        return config.load();
    }

    private static Properties applicationProperties() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Entry point of {@code ./efs adopt [--check]}; returns the process exit code (0 done, 1 blocked/failed). */
    public static int run(boolean checkOnly) {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url == null || url.isBlank()) {
            System.err.println("./efs adopt needs the assistant's database: set SPRING_DATASOURCE_URL, "
                    + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD");
            return 2;
        }
        Adoption adoption = new Adoption(new DriverManagerDataSource(url, System.getenv("SPRING_DATASOURCE_USERNAME"),
                System.getenv("SPRING_DATASOURCE_PASSWORD")), List.of());
        if (checkOnly) {
            AdoptionReport report = adoption.check();
            System.out.print(report.text());
            return report.blocked() ? 1 : 0;
        }
        try {
            AdoptionReport report = adoption.apply();
            System.out.print(report.text());
            System.out.println("Adopted: every pending migration applied. Start the application with ./efs run.");
            return 0;
        } catch (AdoptionBlocked blocked) {
            System.out.print(blocked.report().text());
            return 1;
        } catch (FlywayException failed) {
            System.err.println("Migration failed, nothing was changed: " + failed.getMessage());
            return 1;
        }
    }
}
