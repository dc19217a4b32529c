package it.expertfeedback.base.ops;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Several instances on one PostgreSQL must sign API tokens with one key, or a token from one is refused by the
 * next (DOMAIN.md §10). Without EFS_JWT_SECRET every start signs with a random key; on an external database
 * (SPRING_DATASOURCE_URL), where several instances are the point, the application refuses to start unless the
 * operator says a random key is meant (EFS_ALLOW_RANDOM_JWT_SECRET=true). On the embedded database (one instance by
 * construction) it only warns that tokens die with each restart.
 *
 * <p>A bean-factory post-processor so that the refusal comes before anything else starts: no connection pool, no
 * migration, no web server.
 */
@Component
class JwtSecretCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(JwtSecretCheck.class);

    static final String SECRET = "efs.security.jwt-secret";
    static final String ALLOW_RANDOM = "efs.security.allow-random-jwt-secret";
    static final String DATASOURCE_URL = "spring.datasource.url";
    /** The one-shot commands (./efs rollback-schema, ./efs generate-data): they exit without serving any token. */
    static final String ROLLBACK_COMMAND = "efs.schema.rollback";
    static final String GENERATE_COMMAND = "efs.generate.scale";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    /** Throws when the start must be refused; logs a warning when the key will be random. */
    static void check(Environment environment) {
        if (environment.getProperty(ROLLBACK_COMMAND, Boolean.class, false) || environment.containsProperty(GENERATE_COMMAND)) {
            return;
        }
        String secret = environment.getProperty(SECRET, "");
        if (StringUtils.hasText(secret)) {
            if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
                throw new IllegalStateException("EFS_JWT_SECRET (" + SECRET + ") must be at least 32 bytes");
            }
            return;
        }
        boolean external = StringUtils.hasText(environment.getProperty(DATASOURCE_URL));
        boolean allowed = environment.getProperty(ALLOW_RANDOM, Boolean.class, false);
        if (external && !allowed) {
            throw new IllegalStateException("EFS_JWT_SECRET is not set: on an external database (SPRING_DATASOURCE_URL) "
                    + "every instance must sign API tokens with the same secret of at least 32 bytes. Set EFS_JWT_SECRET, "
                    + "or EFS_ALLOW_RANDOM_JWT_SECRET=true to accept a random key per start (tokens stop working at "
                    + "each restart and on every other instance).");
        }
        log.warn("EFS_JWT_SECRET is not set: API tokens are signed with a random key, valid only until this instance "
                + "restarts and only on this instance. Set EFS_JWT_SECRET (at least 32 bytes) to keep them.");
    }
}
