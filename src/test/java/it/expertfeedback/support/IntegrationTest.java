package it.expertfeedback.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port over the shared test PostgreSQL, with the demo dataset seeded.
 * Every integration test uses exactly this, so Spring starts it once per test run.
 * Tests create their own accounts and rows (unique emails) and never assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"efs.demo-data=true", "efs.admin.password=Admin-test-2026",
                "efs.security.jwt-secret=" + SeparateApplication.TEST_JWT_SECRET,
                "efs.cors.allowed-origins=" + IntegrationTest.ASSISTANT_ORIGIN + ", https://other-allowed.test"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public @interface IntegrationTest {

    /** The origin of the assistant's chat client in the tests (allowed by EFS_CORS_ALLOWED_ORIGINS). */
    String ASSISTANT_ORIGIN = "https://chat.assistant.test";
}
