package it.expertfeedback.base.db;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} (SPRING_DATASOURCE_URL), the application runs on its own PostgreSQL:
 * a real server started from the zonky binaries, its data kept on disk (git-ignored {@code data/}) between runs,
 * durable and password-protected ({@link EmbeddedPostgresServer}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer.Running embeddedPostgres(@Value("${efs.embedded-db.data-dir:data/postgres}") Path dataDirectory,
                                                    @Value("${efs.embedded-db.port:0}") int port) throws IOException {
        EmbeddedPostgresServer.Running postgres = EmbeddedPostgresServer.start(dataDirectory, port);
        log.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {}", postgres.postgres().getPort(),
                dataDirectory.toAbsolutePath());
        return postgres;
    }

    @Bean
    EmbeddedDatabase embeddedDatabase(EmbeddedPostgresServer.Running postgres) {
        return new EmbeddedDatabase(postgres.jdbcUrl("postgres"));
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer.Running postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl("postgres"));
        dataSource.setUsername(EmbeddedPostgresServer.SUPERUSER);
        dataSource.setPassword(postgres.password());
        return dataSource;
    }

}
