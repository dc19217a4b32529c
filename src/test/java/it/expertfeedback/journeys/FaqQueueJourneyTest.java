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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A reviewer works the approval queue: approves the top candidate with the keyboard, edits and approves the
 * next, rejects the third with a reason; the published FAQs then show the two approved. Bulk approval too.
 */
class FaqQueueJourneyTest extends BrowserTest {

    @Autowired
    TestUsers testUsers;

    @Autowired
    FeedbackService feedback;

    @Autowired
    JdbcTemplate jdbc;

    private void propose(String question, double confidence) {
        try (SignedIn expert = SignedIn.as(testUsers.createVerifiedExpert(), Role.EXPERT)) {
            feedback.submit(new FeedbackSubmission(UUID.randomUUID(), "correct", null, question,
                    "Risposta dell'assistente a: " + question, null, List.of(), List.of("TUIR, art. 15"), confidence, 90,
                    null, null, "Dichiarativi"));
        }
    }

    private String statusOf(String question) {
        return jdbc.queryForObject("select approval_status from expert_faq_candidates where question = ?", String.class, question);
    }

    @Test
    void approve_with_the_keyboard_edit_and_approve_reject_with_a_reason_then_read_the_golden_set() {
        String marker = "Percorso " + UUID.randomUUID().toString().substring(0, 8);
        String first = marker + " primo: spese mediche nel 730?";
        String second = marker + " secondo: spese scolastiche nel 730?";
        String third = marker + " terzo: spese funebri nel 730?";
        propose(first, 0.95);
        propose(second, 0.6);
        propose(third, 0.3);

        logIn("giulia.ferrari@efs.local", "Revisore-demo-2026");
        page.navigate(url("/faq/queue"));
        assertThat(page.locator("#faq-shortcuts")).containsText("Alt+A");
        page.locator("#faq-filter-text input").fill(marker);
        assertThat(page.locator("#candidate-question")).hasText(first);
        screenshot("faq-queue-reviewer");

        page.locator("#candidate-question").click();
        page.keyboard().press("Alt+a");
        assertThat(page.locator("#candidate-question")).hasText(second);

        page.keyboard().press("Alt+m");
        page.locator("#faq-edit-answer textarea").fill("Detraibili al 19% nei limiti di 800 euro per alunno.");
        screenshot("faq-edit-approve");
        page.locator("#faq-edit-save").click();
        assertThat(page.locator("#candidate-question")).hasText(third);

        page.keyboard().press("Alt+r");
        page.locator("#faq-reject-confirm").click();
        assertThat(page.locator("#faq-reject-reason")).hasAttribute("invalid", "");
        page.locator("#faq-reject-reason textarea").fill("Manca il limite di spesa previsto dal TUIR.");
        page.locator("#faq-reject-confirm").click();
        assertThat(page.locator("#faq-queue-empty")).isVisible();

        assertThat(statusOf(first)).isEqualTo("approved");
        assertThat(statusOf(second)).isEqualTo("approved");
        assertThat(statusOf(third)).isEqualTo("rejected");

        page.navigate(url("/faq/published"));
        page.locator("#golden-search input").fill(marker);
        Locator rows = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(marker));
        assertThat(rows).hasCount(2);
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(third))).hasCount(0);
        screenshot("faq-golden-set");
    }

    @Test
    void bulk_approval_asks_first_and_reports_what_it_did() {
        String marker = "Multipla " + UUID.randomUUID().toString().substring(0, 8);
        propose(marker + " uno?", 0.7);
        propose(marker + " due?", 0.6);

        logIn("marco.bianchi@efs.local", "Revisore-demo-2026");
        page.navigate(url("/faq/queue"));
        page.locator("#faq-filter-text input").fill(marker);
        assertThat(page.locator("#candidate-question")).containsText(marker);
        Locator rowBoxes = page.locator("#faq-queue-grid vaadin-grid-cell-content vaadin-checkbox")
                .filter(new Locator.FilterOptions().setVisible(true));
        assertThat(rowBoxes).hasCount(2);
        rowBoxes.nth(0).click();
        rowBoxes.nth(1).click();
        assertThat(page.locator("#faq-bulk-approve")).containsText("(2)");
        page.locator("#faq-bulk-approve").click();
        page.locator("vaadin-button[slot='confirm-button']").click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("Approvati 2")))
                .isVisible();
        assertThat(statusOf(marker + " uno?")).isEqualTo("approved");
        assertThat(statusOf(marker + " due?")).isEqualTo("approved");
    }
}
