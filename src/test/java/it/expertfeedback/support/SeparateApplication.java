package it.expertfeedback.support;

import it.expertfeedback.Application;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application started a second time in the test JVM, on a random port, for tests that need a database
 * or settings of their own. Test classes using it need {@link KeepsSecurityContextStrategy}.
 *
 * <p>Settings go as command-line arguments: {@code SpringApplicationBuilder.properties(...)} are only defaults,
 * which application.properties (e.g. {@code efs.admin.* = ${EFS_ADMIN_*:...}}) would silently override.
 */
public final class SeparateApplication {

    /**
     * The token secret tests run with: the test database counts as external, where the application refuses to start
     * without one (DOMAIN.md §10). Added to every start unless the settings name a secret or the opt-out themselves.
     */
    public static final String TEST_JWT_SECRET = "test-secret-for-api-tokens-0123456789abcdef";

    private SeparateApplication() {
    }

    /** With these settings ({@code name=value}) on top of a random port (unless given) and no banner. */
    public static ConfigurableApplicationContext start(String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--spring.main.banner-mode=off"));
        boolean namesPort = false;
        boolean namesSecret = false;
        for (String setting : settings) {
            arguments.add("--" + setting);
            // A setting given twice on the command line reads as both values joined by a comma: never add a default.
            namesPort |= setting.startsWith("server.port=");
            namesSecret |= setting.startsWith("efs.security.jwt-secret=")
                    || setting.startsWith("efs.security.allow-random-jwt-secret=");
        }
        if (!namesPort) {
            arguments.add("--server.port=0");
        }
        if (!namesSecret) {
            arguments.add("--efs.security.jwt-secret=" + TEST_JWT_SECRET);
        }
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.SERVLET)
                .run(arguments.toArray(String[]::new));
    }

    /** On the database at {@code url} of the test PostgreSQL server, with these further settings. */
    public static ConfigurableApplicationContext onDatabase(String url, String... settings) {
        List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.password=postgres"));
        all.addAll(List.of(settings));
        return start(all.toArray(String[]::new));
    }
}
