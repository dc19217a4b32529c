package it.expertfeedback.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.BrowserTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Italian numbers screen by screen, in an Italian browser, over the demo data (trust 0,9461, accuracy 84%, priority
 * 413,87, confidence 0,85...): no number with a decimal point is on screen — text and field values — and the screens
 * that show fractions show them with a comma. Italian thousands (3.000) and dates (05/03/2026) are not decimals.
 * Date pickers show dd/MM/yyyy like every other date.
 */
class ItalianNumbersJourneyTest extends BrowserTest {

    /** A dot between digits that is not a thousands separator (1.234 / 12.345.678) nor part of a dotted chain (1.2.3). */
    private static final Pattern DOT_DECIMAL = Pattern.compile("(?<![\\d.])\\d+\\.\\d+(?![\\d.])");
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("\\d,\\d");

    /** Everything a person reads: the page's text and the values in its fields (inputs live in light DOM here). */
    private static final String SCREEN_TEXT = """
            () => document.body.innerText + '\\n' + Array.from(document.querySelectorAll('input, textarea'))
                .filter(i => i.type !== 'hidden' && i.type !== 'password').map(i => i.value).join('\\n')""";

    @Autowired
    JdbcTemplate jdbc;

    @org.junit.jupiter.api.BeforeAll
    static void patientAssertions() {
        // The machine is shared by several builds: a view can take longer than the 5 s an assertion waits by default.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @Test
    void reviewer_screens_show_italian_decimals() {
        openContext("it-IT");
        logIn("giulia.ferrari@efs.local", "Revisore-demo-2026");
        UUID expert = jdbc.queryForObject("select id from expert_profiles order by feedback_count desc, id limit 1", UUID.class);
        UUID feedback = jdbc.queryForObject("""
                select id from expert_feedback where confidence_score <> round(confidence_score::numeric, 0)
                order by feedback_timestamp desc limit 1""", UUID.class);
        List<String> problems = new ArrayList<>();
        // Screens whose data has fractions: the comma form must be there.
        for (String route : List.of("/analytics", "/experts", "/experts/detail/" + expert, "/faq/queue",
                "/feedback/detail/" + feedback, "/faq/queue?min_trust=0.5")) {
            check(route, true, problems);
        }
        // Screens that may show no fraction today, but never a dot decimal.
        for (String route : List.of("/faq/published", "/inbox/health", "/feedback/browse", "/miglioramenti")) {
            check(route, false, problems);
        }
        assertThat(problems).as("screens with dot decimals, or without the comma form").isEmpty();
    }

    @Test
    void expert_and_admin_screens_show_italian_decimals() {
        openContext("it-IT");
        String email = jdbc.queryForObject("""
                select u.email from "user" u join expert_profiles p on p.user_id = u.id
                where u.email like '%@efs.local' order by p.feedback_count desc, u.id limit 1""", String.class);
        logIn(email, "Esperto-demo-2026");
        List<String> problems = new ArrayList<>();
        check("/my-profile", true, problems);
        check("/my-feedback", false, problems);

        openContext("it-IT");
        logIn("admin@efs.local", "Admin-demo-2026");
        check("/admin/auto-approval", true, problems);
        check("/admin/audit", false, problems);
        assertThat(problems).as("screens with dot decimals, or without the comma form").isEmpty();
    }

    @Test
    void date_pickers_show_dd_mm_yyyy() {
        openContext("it-IT");
        logIn("giulia.ferrari@efs.local", "Revisore-demo-2026");
        page.navigate(url("/feedback/browse?from=2026-03-05"));
        assertThat(page.locator("#feedback-filter-from input")).hasValue("05/03/2026");
        page.locator("#feedback-filter-to input").fill("7/4/2026"); // typed the short way, shown the one way
        page.locator("#feedback-filter-to input").press("Enter");
        assertThat(page.locator("#feedback-filter-to input")).hasValue("07/04/2026");
        page.waitForURL(Pattern.compile(".*to=2026-04-07.*"));
        page.locator("#feedback-filter-to [part~='toggle-button']").click();
        // The calendar lives in shadow DOM: getByText looks inside it.
        com.microsoft.playwright.Locator calendar = page.locator("#feedback-filter-to");
        assertThat(calendar.getByText("Aprile 2026").first()).isVisible();
        assertThat(calendar.getByText("Oggi", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(calendar.getByText("Annulla", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))).isVisible();
    }

    private void check(String route, boolean fractionsExpected, List<String> problems) {
        page.navigate(url(route));
        page.locator("#main-navigation").waitFor();
        page.waitForFunction("() => Array.from(document.querySelectorAll('vaadin-grid')).every(g => !g.loading)");
        page.waitForTimeout(700);
        String text = (String) page.evaluate(SCREEN_TEXT);
        Matcher dots = DOT_DECIMAL.matcher(text);
        while (dots.find()) {
            if (!THOUSANDS.matcher(dots.group()).matches()) {
                int from = Math.max(0, dots.start() - 40);
                problems.add(route + ": \"" + text.substring(from, Math.min(text.length(), dots.end() + 20)).replace('\n', ' ') + "\"");
            }
        }
        if (fractionsExpected && !COMMA_DECIMAL.matcher(text).find()) {
            problems.add(route + ": no decimal comma on a screen with fractions");
        }
        screenshot("italian-numbers" + route.replaceAll("[^a-z0-9]+", "-"));
    }
}
