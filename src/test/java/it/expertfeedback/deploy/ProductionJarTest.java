package it.expertfeedback.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import it.expertfeedback.support.BrowserTest;
import it.expertfeedback.support.ProductionJar;
import it.expertfeedback.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The jar of {@code ./efs package}, started with {@code java -jar} on a fresh embedded database: Vaadin in
 * production mode, and a reviewer signs in in headless Chromium and opens two screens.
 */
@Tag(ProductionJar.TAG)
class ProductionJarTest {

    @Test
    void the_packaged_jar_runs_in_production_mode_and_a_reviewer_works_in_it() throws Exception {
        try (JarFile jar = new JarFile(ProductionJar.jar().toFile())) {
            assertThat(jar.stream().map(entry -> entry.getName()).filter(name -> name.contains("vaadin-dev-server")))
                    .as("no dev server in the jar").isEmpty();
        }
        Path dataDir = Files.createTempDirectory("efs-jar").resolve("postgres");
        long started = System.nanoTime();
        try (ProductionJar app = ProductionJar.start("production-jar", dataDir)) {
            System.out.printf("Production jar: %.1f MB, ready (demo data seeded) after %.1f s%n",
                    Files.size(ProductionJar.jar()) / 1e6, (System.nanoTime() - started) / 1e9);
            assertThat(app.log()).contains("Vaadin is running in production mode").doesNotContain("vaadin-dev-server");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(app.url("/actuator/health"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(dataDir.resolve("PG_VERSION")).as("a fresh embedded database in the test's folder").exists();

            try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                 Browser browser = BrowserTest.launchChromium(playwright);
                 BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
                context.setDefaultTimeout(30_000);
                Page page = context.newPage();
                page.navigate(app.url("/login"));
                page.locator("vaadin-login-form input[name=username]").fill("giulia.ferrari@efs.local");
                page.locator("vaadin-login-form input[name=password]").fill("Revisore-demo-2026");
                page.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form [part=vaadin-login-submit]")
                        .first().click();
                page.locator("#main-navigation").waitFor();
                assertThat(page.locator("#current-user-name")).hasText("Giulia Ferrari");

                // The dashboard: its chart comes from the ECharts webjar, which must be in the production jar too.
                page.locator("#main-navigation vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Analisi")).click();
                page.locator("#chart-categories[data-rendered]").waitFor();
                assertThat(page.locator("#kpi-feedback")).containsText("Feedback ricevuti");

                page.locator("#main-navigation vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Esperti")).click();
                page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("@efs.local")).first()
                        .waitFor();
                Path screenshot = Path.of("target", "screenshots", "production-jar-experts.png");
                page.screenshot(new Page.ScreenshotOptions().setPath(screenshot));
            }

            // ./efs backup while the jar runs (through its server), then ./efs restore into another folder.
            Path backup = dataDir.resolveSibling("online.zip");
            String backedUp = efs("backup", backup.toString(), dataDir.toString());
            assertThat(backedUp).contains("Backup of");
            // Every table of the schema (at least the twelve that V1–V12 create; later migrations may add more).
            assertThat(tablesIn(backedUp)).isGreaterThanOrEqualTo(12);
            Path restoredDir = dataDir.resolveSibling("restored");
            String restored = efs("restore", backup.toString(), restoredDir.toString());
            assertThat(rowsIn(restored)).isEqualTo(rowsIn(backedUp)).isGreaterThan(3_000);
            assertThat(tablesIn(restored)).isEqualTo(tablesIn(backedUp));
            assertThat(efs("restore", backup.toString(), dataDir.toString())).as("refused while the jar runs on it")
                    .contains("stop it before restoring");
        }
    }

    /** Runs {@code ./efs COMMAND ARGS...} in the project folder and returns its output. */
    private static String efs(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("./efs"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        System.out.println("./efs " + String.join(" ", arguments) + " → " + output.lines()
                .filter(line -> !line.startsWith("\tat ")).limit(3).toList());
        return output;
    }

    /** "…: 12 tables, 5166 rows (…" → 5166. */
    private static int tablesIn(String output) {
        var matcher = java.util.regex.Pattern.compile("(\\d+) tables, (\\d+) rows").matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static long rowsIn(String output) {
        var matcher = java.util.regex.Pattern.compile("(\\d+) tables, (\\d+) rows").matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return Long.parseLong(matcher.group(2));
    }

    @Test
    void the_packaged_jar_runs_on_an_external_database_without_starting_the_embedded_one() throws Exception {
        Path unusedDataDir = Files.createTempDirectory("efs-jar-external").resolve("postgres");
        String url = TestDatabase.freshDatabaseUrl("jar_external");
        try (ProductionJar app = ProductionJar.start("production-jar-external", unusedDataDir, "spring.datasource.url=" + url,
                "spring.datasource.username=postgres", "spring.datasource.password=postgres", "efs.demo-data=true",
                "efs.security.jwt-secret=production-jar-test-secret-of-at-least-32-bytes")) {
            assertThat(app.log()).contains("Vaadin is running in production mode").doesNotContain("Embedded PostgreSQL on");
            assertThat(unusedDataDir).doesNotExist();
            try (var connection = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
                 var statement = connection.createStatement();
                 var rs = statement.executeQuery("select count(*) from expert_feedback")) {
                rs.next();
                assertThat(rs.getLong(1)).as("migrated and seeded through the jar").isPositive();
            }
        }
    }
}
