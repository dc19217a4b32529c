package it.expertfeedback.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import it.expertfeedback.support.BrowserTest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A reviewer opens the dashboard, switches to the last 7 days and clicks the normativa_obsoleta bar of the
 * chart: the feedback browser opens filtered to that category and that window.
 */
class AnalyticsJourneyTest extends BrowserTest {

    @Test
    void from_the_dashboard_bar_to_the_filtered_feedback_browser() {
        logIn("giulia.ferrari@efs.local", "Revisore-demo-2026");
        page.navigate(url("/analytics"));
        page.locator("#chart-categories[data-rendered]").waitFor();
        assertThat(page.locator("#kpi-feedback")).containsText("Feedback ricevuti");

        page.locator("#analytics-period").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Ultimi 7 giorni")).click();
        page.locator("#chart-categories[data-rendered]").waitFor();
        page.waitForTimeout(500);
        screenshot("analytics-dashboard");

        // The bar stands right above its axis label: click 30 px above the label's centre, inside the bar.
        var label = page.locator("#chart-categories svg text")
                .filter(new Locator.FilterOptions().setHasText("Normativa obsoleta")).first().boundingBox();
        page.mouse().click(label.x + label.width / 2, label.y - 30);

        page.waitForURL("**/feedback/browse?**");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
        assertThat(page.url()).contains("category=normativa_obsoleta").contains("type=")
                .contains("from=" + today.minusDays(6)).contains("to=" + today);
        assertThat(page.locator("#count-category-normativa_obsoleta")).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("#feedback-filter-from input")).not().hasValue("");
        screenshot("analytics-to-feedback-browser");
    }
}
