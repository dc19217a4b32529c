package it.expertfeedback.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the Spring test context at the shared test PostgreSQL, as an external database would be. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + TestDatabase.applicationJdbcUrl(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=").applyTo(context.getEnvironment());
    }
}
