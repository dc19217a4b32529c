package it.expertfeedback.base.demo;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/** For the benchmark: the generator over a running application's database. */
public final class ScaledDatasetAccess {

    private ScaledDatasetAccess() {
    }

    public static ScaledDataset.Result generate(ApplicationContext app, int scale, long seed) {
        return new ScaledDataset(app.getBean(DataSource.class), app.getBean(PasswordEncoder.class), app.getBean(Clock.class))
                .generate(scale, seed);
    }
}
