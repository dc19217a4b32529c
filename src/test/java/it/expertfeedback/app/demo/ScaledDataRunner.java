package it.expertfeedback.app.demo;

import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** {@code ./efs generate-data SCALE [SEED]}: fills the database with synthetic data at SCALE × year-1, then exits. */
@Component
@ConditionalOnProperty(name = "efs.generate.scale")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScaledDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScaledDataRunner.class);

    private final DataSource dataSource;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ConfigurableApplicationContext context;
    private final int scale;
    private final long seed;

    ScaledDataRunner(DataSource dataSource, PasswordEncoder passwordEncoder, Clock clock, ConfigurableApplicationContext context,
                     @Value("${efs.generate.scale}") int scale, @Value("${efs.generate.seed:2026}") long seed) {
        this.dataSource = dataSource;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.context = context;
        this.scale = scale;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        ScaledDataset.Result result = new ScaledDataset(dataSource, passwordEncoder, clock).generate(scale, seed);
        log.warn("Generated ×{} (seed {}): {} experts, {} feedback, {} candidates in {} s. Bench logins: reviewer {},"
                        + " experts bench-…@efs.bench, password {}", scale, seed, result.experts(), result.feedback(),
                result.candidates(), result.took().toSeconds(), result.reviewerEmail(), ScaledDataset.PASSWORD);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
