package it.expertfeedback.base.db;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import it.expertfeedback.support.BrowserTest;
import it.expertfeedback.support.KeepsSecurityContextStrategy;
import it.expertfeedback.support.SeparateApplication;
import it.expertfeedback.support.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The browser side of adopting the assistant's database (DOMAIN.md §11), in headless Debian Chromium against the
 * application started on an adopted database: original accounts sign in with their original passwords, the Esperti
 * view and the own profile show the unknown credential labels as "Altro", an admin creates a new account.
 */
@ExtendWith(KeepsSecurityContextStrategy.class)
class AdoptedUiJourneyTest {

    private static ConfigurableApplicationContext app;
    private static JdbcTemplate jdbc;
    private static String base;
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void adoptStartAndLaunch() {
        String url = TestDatabase.adoptedAssistantDatabaseUrl("adopted_ui", true);
        AdoptedRecentFeedback.addTo(url);
        new Adoption(Migrations.dataSource(url), List.of()).apply();
        app = SeparateApplication.onDatabase(url, "efs.demo-data=false", "efs.admin.password=");
        jdbc = app.getBean(JdbcTemplate.class);
        base = "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = BrowserTest.launchChromium(playwright);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        app.close();
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    private void signIn(String email, String password) {
        page.navigate(base + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form input[name=password]").press("Enter");
        page.waitForURL(current -> !current.contains("/login"));
    }

    @Test
    void the_original_admin_sees_the_experts_with_unknown_labels_and_creates_an_account() {
        signIn("admin@pratiko.it", TestDatabase.ORIGINAL_ADMIN_PASSWORD);

        page.navigate(base + "/experts");
        assertThat(page.locator("vaadin-grid")).containsText("Sara Superuser");
        assertThat(page.locator("vaadin-grid")).containsText("Altro");
        assertThat(page.locator("body")).not().containsText("Internal error");

        page.navigate(base + "/admin/users");
        page.locator("#user-create").click();
        page.locator("#user-email input").fill("nuova.collega@pratiko.it");
        page.locator("#user-name input").fill("Nuova Collega");
        page.locator("#user-save").click();
        // The one-time password shown once: the account exists.
        assertThat(page.locator("#one-time-password input")).not().hasValue("");

        // Inserted the way the original's constraints accept: provider email with its hash, created_at filled.
        assertThat(jdbc.queryForMap("""
                select hashed_password = password_hash as same_hash, provider, role, created_at is not null as created
                from "user" where email = 'nuova.collega@pratiko.it'""")).containsEntry("same_hash", true)
                .containsEntry("provider", "email").containsEntry("role", "user").containsEntry("created", true);
    }

    @Test
    void the_original_super_user_signs_in_and_sees_the_own_profile() {
        signIn("super@pratiko.it", TestDatabase.ORIGINAL_SUPER_USER_PASSWORD);

        page.navigate(base + "/my-profile");
        assertThat(page.locator("#profile-credentials")).containsText("Altro");
        assertThat(page.locator("body")).not().containsText("Internal error");

        // Its own feedback, one with a category label outside ours: shown as unknown.
        page.navigate(base + "/my-feedback");
        assertThat(page.locator("vaadin-grid")).containsText("Sconosciuto");
        assertThat(page.locator("body")).not().containsText("Internal error");
    }

    @Test
    void the_original_admin_filters_the_feedback_browser_by_verdict_and_category() {
        signIn("admin@pratiko.it", TestDatabase.ORIGINAL_ADMIN_PASSWORD);

        page.navigate(base + "/feedback/browse");
        Locator grid = page.locator("#feedback-grid");
        assertThat(grid).containsText("Cedolare secca sui negozi");
        // Category labels outside ours (non_classificato, altro_codice) read as unknown, not as "no category".
        assertThat(grid).containsText("Sconosciuto");
        assertThat(grid).not().containsText("altro_codice");
        page.locator("#count-type-correct").click();
        assertThat(page.locator("#count-type-correct")).hasAttribute("aria-pressed", "true");
        assertThat(grid).containsText("Detrazione IVA sulle auto aziendali");
        assertThat(grid).not().containsText("Cedolare secca sui negozi");
        // The verdict filter's count is what the grid lists, superseded rows included (marked on their page).
        assertThat(page.locator("#count-type-correct")).containsText("4");

        // A shared link with verdict and category (the dashboard's links): the VARCHAR columns filter as ours do.
        page.navigate(base + "/feedback/browse?type=incomplete&category=caso_mancante");
        assertThat(grid).containsText("Cedolare secca sui negozi");
        assertThat(grid).not().containsText("Detrazione IVA");
        assertThat(page.locator("#count-category-caso_mancante")).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("body")).not().containsText("Internal error");
    }

    @Test
    void the_dashboard_leaves_the_superseded_feedback_out_and_shows_the_unknown_category_as_sconosciuto() {
        signIn("admin@pratiko.it", TestDatabase.ORIGINAL_ADMIN_PASSWORD);

        page.navigate(base + "/analytics");
        // Last 30 days: 2 current feedback; the superseded third (incorrect, calcolo_sbagliato) counts nowhere.
        assertThat(page.locator("#kpi-feedback-value")).hasText("2");
        Locator categories = page.locator("#analytics-categories");
        assertThat(categories).containsText("Sconosciuto");
        assertThat(categories).containsText("Caso mancante");
        assertThat(categories).not().containsText("Calcolo sbagliato");
        assertThat(page.locator("body")).not().containsText("altro_codice");
        assertThat(page.locator("#analytics-verdict-incorrect")).containsText("(0)");
    }

    @Test
    void every_screen_of_the_original_admin_opens_on_the_adopted_database() {
        signIn("admin@pratiko.it", TestDatabase.ORIGINAL_ADMIN_PASSWORD);
        for (String screen : List.of("", "feedback/browse", "faq/queue", "faq/published", "miglioramenti",
                "admin/audit", "inbox", "inbox/topics", "inbox/health", "experts", "admin/users", "admin/api-keys",
                "admin/auto-approval", "analytics", "my-candidates")) {
            page.navigate(base + "/" + screen);
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            assertThat(page.locator("body")).not().containsText("Internal error");
            assertThat(page.locator("body")).not().containsText("There was an exception");
            assertThat(page.locator("body")).not().containsText("Could not navigate");
        }
    }

    @Test
    void a_regular_user_signs_in_without_a_crash_and_cannot_open_the_experts() {
        signIn("utente@pratiko.it", TestDatabase.ORIGINAL_USER_PASSWORD);

        page.navigate(base + "/experts");
        assertThat(page.locator("body")).not().containsText("Internal error");
        assertThat(page.locator("vaadin-grid")).hasCount(0);
    }
}
