package it.expertfeedback.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.BrowserTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Review screens as a reviewer uses them: filters live in the URL, so Back from a detail and a reload land on the
 * same filtered list; on a phone (390 × 844) the queue is a list that opens a detail, and a candidate is approved.
 */
class ReviewScreensJourneyTest extends BrowserTest {

    @Autowired
    TestUsers testUsers;

    @Autowired
    FeedbackService feedback;

    @Autowired
    JdbcTemplate jdbc;

    private void submit(String question) {
        try (SignedIn expert = SignedIn.as(testUsers.createVerifiedExpert(), Role.EXPERT)) {
            feedback.submit(new FeedbackSubmission(UUID.randomUUID(), "correct", null, question,
                    "Risposta dell'assistente a: " + question, null, List.of(), List.of(), 0.5, 90, null, null, "IVA"));
        }
    }

    @Test
    void back_from_a_feedback_detail_and_a_reload_restore_the_filters() {
        String marker = "Indietro" + UUID.randomUUID().toString().substring(0, 8);
        String question = marker + " detrazione IVA auto aziendali?";
        submit(question);

        logIn("giulia.ferrari@efs.local", "Revisore-demo-2026");
        page.navigate(url("/feedback/browse"));
        page.locator("#feedback-filter-text input").fill(marker);
        page.waitForURL(Pattern.compile(".*feedback/browse\\?.*q=" + marker + ".*"));
        Locator row = page.locator("#feedback-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(question));
        assertThat(row).hasCount(1);

        row.click();
        page.waitForURL(Pattern.compile(".*/feedback/(?!browse).+"));
        // Back only once the detail is on screen (a person reads it first); earlier, Back races the navigation.
        assertThat(page.locator("#feedback-detail-title")).isVisible();
        page.goBack();
        page.waitForURL(Pattern.compile(".*feedback/browse\\?.*q=" + marker + ".*"));
        assertThat(page.locator("#feedback-filter-text input")).hasValue(marker,
                new com.microsoft.playwright.assertions.LocatorAssertions.HasValueOptions().setTimeout(20_000));
        assertThat(page.locator("#feedback-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(question)))
                .hasCount(1);
        assertThat(page.locator("#count-type-correct")).containsText("(1)");

        page.reload();
        assertThat(page.locator("#feedback-filter-text input")).hasValue(marker);
        assertThat(page.locator("#count-type-correct")).containsText("(1)");
    }

    @Test
    void on_a_phone_the_queue_is_a_list_that_opens_a_detail_where_the_candidate_is_approved() {
        String marker = "Telefono" + UUID.randomUUID().toString().substring(0, 8);
        String question = marker + " regime forfettario e soglia dei ricavi?";
        submit(question);

        logIn("giulia.ferrari@efs.local", "Revisore-demo-2026");
        // Signed in first: at 390 px the navigation the login helper waits for sits in a closed drawer.
        page.setViewportSize(390, 844);
        page.navigate(url("/faq/queue?q=" + marker));
        page.locator("#faq-queue-grid").waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        assertThat(page.locator("#faq-filter-text input")).hasValue(marker);
        assertThat(page.locator("#faq-result-count")).containsText("1 ");
        Locator row = page.locator("#faq-queue-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(question));
        assertThat(row).isVisible();
        assertThat(page.locator("#faq-approve")).isHidden();
        screenshot("faq-queue-390-list");

        row.click();
        assertThat(page.locator("#faq-back-to-list")).isVisible();
        assertThat(page.locator("#candidate-question")).hasText(question);
        assertThat(page.locator("#faq-queue-grid")).isHidden();
        page.waitForURL(Pattern.compile(".*candidate=.*"));
        screenshot("faq-queue-390-detail");
        page.locator("#faq-approve").click();
        assertThat(page.locator("#faq-queue-empty")).isVisible();
        assertThat(jdbc.queryForObject("select approval_status from expert_faq_candidates where question = ?", String.class,
                question)).isEqualTo("approved");

        page.locator("#faq-back-to-list").click();
        assertThat(page.locator("#faq-queue-grid")).isVisible();
    }
}
