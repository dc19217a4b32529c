package it.expertfeedback.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import it.expertfeedback.support.BrowserTest;
import it.expertfeedback.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An expert sends an Errata with a correction and a reference and finds it in "I miei feedback"; a reviewer
 * finds it through the category count, reads the diff and upholds it; the expert's trust follows.
 */
class FeedbackJourneyTest extends BrowserTest {

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_errata_goes_from_the_expert_to_the_reviewer_and_raises_the_experts_trust() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        String question = "Acconto IVA di dicembre con il metodo storico, caso " + UUID.randomUUID().toString().substring(0, 8) + "?";

        logIn(expert.email(), TestUsers.PASSWORD);
        page.navigate(url("/feedback/new"));
        page.locator("#feedback-query-text textarea").fill(question);
        page.locator("#feedback-original-answer textarea").fill("Si versa il 100% dell'IVA dovuta a dicembre.");
        page.locator("#verdict-incorrect").click();
        page.locator("#feedback-category").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Calcolo sbagliato")).click();
        page.locator("#feedback-expert-answer textarea").fill("Si versa l'88% dell'IVA dovuta a dicembre.");
        page.locator("#feedback-details textarea").fill("La percentuale dell'acconto storico è 88%.");
        page.locator("#feedback-confidence input").fill("0,9"); // not pre-filled (issue 13): the expert chooses, Italian style
        page.locator("#feedback-references textarea").fill("Art. 6, L. 405/1990");
        page.locator("#feedback-time-spent input").fill("120");
        page.locator("#feedback-diff .diff-added").first().waitFor();
        assertThat(page.locator("#feedback-diff .diff-removed").filter(new Locator.FilterOptions().setHasText("100%"))).hasCount(1);
        screenshot("feedback-form-expert");
        // Issue 13: Ctrl+Enter right after typing submits what is on screen, the last words included.
        page.locator("#feedback-details textarea").focus();
        page.keyboard().press("End");
        page.keyboard().type(" Vedi circolare.");
        page.keyboard().press("Control+Enter");

        // verified commercialista, one feedback in 120 s: 0.30 + 0 + 0.15 + 0.10 + 0 = 0.55
        assertThat(page.locator("#feedback-confirmation-trust")).containsText("0,5500");
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "select additional_details from expert_feedback where query_text = ?", String.class, question))
                .isEqualTo("La percentuale dell'acconto storico è 88%. Vedi circolare.");
        page.locator("#feedback-go-mine").click();
        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(question)).first().waitFor();
        screenshot("my-feedback-expert");
        page.locator("#logout").click();
        page.locator("vaadin-login-form").waitFor();

        logIn("giulia.ferrari@efs.local", "Revisore-demo-2026");
        page.navigate(url("/feedback/browse"));
        page.locator("#count-category-calcolo_sbagliato").click();
        assertThat(page.locator("#count-category-calcolo_sbagliato")).hasAttribute("aria-pressed", "true");
        page.locator("#feedback-filter-expert input").fill(expert.email());
        Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(question));
        row.first().waitFor();
        screenshot("feedback-browser-reviewer");
        row.first().click();

        assertThat(page.locator("#feedback-detail-diff .diff-removed").filter(new Locator.FilterOptions().setHasText("100%"))).hasCount(1);
        assertThat(page.locator("#feedback-detail-diff .diff-added").filter(new Locator.FilterOptions().setHasText("88%"))).hasCount(1);
        assertThat(page.locator("#feedback-detail-references")).containsText("Art. 6, L. 405/1990");
        page.locator("#feedback-uphold").click();
        assertThat(page.locator("#feedback-detail-review")).hasText("Confermato");
        screenshot("feedback-detail-reviewer");

        // one upheld out of one judged: 0.30 + 0.30 × 2/3 + 0.10 = 0.60
        assertThat(jdbc.queryForObject("select trust_score from expert_profiles where user_id = ?", Double.class, expert.id()))
                .isEqualTo(0.60);
        page.locator("#logout").click();
        page.locator("vaadin-login-form").waitFor();
        logIn(expert.email(), TestUsers.PASSWORD);
        page.navigate(url("/my-profile"));
        assertThat(page.locator("#trust-total")).hasText("0,6000");
    }
}
