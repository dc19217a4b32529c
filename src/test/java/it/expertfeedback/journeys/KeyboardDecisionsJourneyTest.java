package it.expertfeedback.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.Api;
import it.expertfeedback.support.BrowserTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13: the decision dialogs' Ctrl+Enter acts on what is on screen. Keys only, as a fast reviewer works: the
 * buttons are never clicked, and the text typed just before the shortcut is what gets published or stored.
 */
class KeyboardDecisionsJourneyTest extends BrowserTest {

    private static final String REVIEWER = "giulia.ferrari@efs.local";
    private static final String PASSWORD = "Revisore-demo-2026";

    @Autowired
    TestUsers testUsers;

    @Autowired
    FeedbackService feedback;

    @Autowired
    JdbcTemplate jdbc;

    private void propose(String question) {
        try (SignedIn expert = SignedIn.as(testUsers.createVerifiedExpert(), Role.EXPERT)) {
            feedback.submit(new FeedbackSubmission(UUID.randomUUID(), "correct", null, question,
                    "Risposta dell'assistente a: " + question, null, List.of(), List.of(), 0.5, 90, null, null, null));
        }
    }

    /** A word of letters only, so the full-text search of the sync API finds it as it is. */
    private static String marker() {
        StringBuilder word = new StringBuilder("tastiera");
        UUID.randomUUID().toString().replace("-", "").chars().limit(10)
                .forEach(c -> word.append(Character.isDigit(c) ? (char) ('g' + c - '0') : (char) c));
        return word.toString();
    }

    private void openQueueFilteredBy(String marker, String question) {
        logIn(REVIEWER, PASSWORD);
        page.navigate(url("/faq/queue"));
        page.locator("#faq-filter-text input").fill(marker);
        assertThat(page.locator("#candidate-question")).hasText(question);
        page.locator("#candidate-question").click(); // puts the keyboard in the view; no button is touched
    }

    @Test
    void alt_m_edit_ctrl_enter_publishes_the_edited_answer_read_back_over_rest() {
        String marker = marker();
        String question = "Spese veterinarie detraibili " + marker + "?";
        propose(question);
        openQueueFilteredBy(marker, question);

        page.keyboard().press("Alt+m");
        page.locator("#faq-edit-answer textarea").focus();
        page.keyboard().press("Control+a");
        String edited = "Detraibili al 19% oltre la franchigia di 129,11 euro, fino a 550 euro.";
        page.keyboard().type(edited);
        page.keyboard().press("Control+Enter"); // at once: no pause for the value to travel on its own
        assertThat(page.locator("#faq-queue-empty")).isVisible();

        Api api = new Api(port);
        Api.Response published = api.get("/api/v1/faq?q=" + marker, api.token(REVIEWER, PASSWORD));
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("items")).hasSize(1);
        assertThat(published.json().get("items").get(0).get("answer").asString()).isEqualTo(edited);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'faq_candidate' "
                + "and action = 'edited_and_approved' and after_state->>'answer' = ?", Integer.class, edited)).isOne();
    }

    @Test
    void alt_r_kind_reason_ctrl_enter_rejects_with_that_reason_and_kind() {
        String marker = marker();
        String question = "Bonus mobili senza ristrutturazione " + marker + "?";
        propose(question);
        openQueueFilteredBy(marker, question);

        page.keyboard().press("Alt+r");
        page.locator("#faq-reject-kind vaadin-radio-button input").first().focus();
        page.keyboard().press("ArrowDown"); // content_wrong → wording
        page.locator("#faq-reject-reason textarea").focus();
        String reason = "La risposta è giusta ma va riscritta in forma di FAQ.";
        page.keyboard().type(reason);
        page.keyboard().press("Control+Enter");
        assertThat(page.locator("#faq-queue-empty")).isVisible();

        Map<String, Object> row = jdbc.queryForMap("""
                select approval_status, rejection_reason, rejection_kind::text as kind from expert_faq_candidates
                where question = ?""", question);
        assertThat(row).containsEntry("approval_status", "rejected").containsEntry("rejection_reason", reason)
                .containsEntry("kind", "wording");
    }
}
