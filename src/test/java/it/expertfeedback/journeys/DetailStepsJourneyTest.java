package it.expertfeedback.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import it.expertfeedback.faq.CandidateReviewService;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.BrowserTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Previous / next in the details, pressed as a person would (the buttons and Alt+↓ / Alt+↑ on the keyboard): they walk
 * the filtered, sorted list the detail was opened from, are disabled at its ends, and the address follows the shown
 * item, so a reload keeps it and Back returns to the filtered list. The feedback browser counts its rows.
 */
class DetailStepsJourneyTest extends BrowserTest {

    @Autowired
    TestUsers testUsers;

    @Autowired
    FeedbackService feedback;

    @Autowired
    CandidateReviewService review;

    @Autowired
    JdbcTemplate jdbc;

    @org.junit.jupiter.api.BeforeAll
    static void patientAssertions() {
        // The machine is shared by several builds: a view can take longer than the 5 s an assertion waits by default.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    private static String marker(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private UUID submit(TestUsers.Created expert, String question, String faqCategory) {
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            UUID queryId = UUID.randomUUID();
            feedback.submit(new FeedbackSubmission(queryId, "correct", null, question, "Risposta dell'assistente a: " + question,
                    null, List.of(), List.of(), 0.5, 90, null, null, faqCategory));
            return jdbc.queryForObject("select id from expert_feedback where query_id = ?", UUID.class, queryId);
        }
    }

    private Locator question() {
        return page.locator("#feedback-detail-question");
    }

    @Test
    void the_reviewer_walks_the_filtered_feedback_list_from_a_detail_with_buttons_and_keys() {
        String marker = marker("Passo");
        // Three experts, one after the other: newest first the list reads third, second, first.
        List<String> questions = List.of(marker + " primo quesito sull'IVA?", marker + " secondo quesito sull'IRPEF?",
                marker + " terzo quesito sull'IMU?");
        List<UUID> ids = questions.stream().map(q -> submit(testUsers.createVerifiedExpert(), q, null)).toList();

        logIn("giulia.ferrari@efs.local", "Revisore-demo-2026");
        page.navigate(url("/feedback/browse"));
        page.locator("#feedback-result-count").waitFor(); // a loaded machine takes longer than an assertion waits
        long all = jdbc.queryForObject("select count(*) from expert_feedback", Long.class);
        assertThat(page.locator("#feedback-result-count"))
                .hasText(NumberFormat.getIntegerInstance(Locale.ITALIAN).format(all) + " risultati");
        page.locator("#feedback-filter-text input").fill(marker);
        page.waitForURL(Pattern.compile(".*feedback/browse\\?.*q=" + marker + ".*"));
        assertThat(page.locator("#feedback-result-count")).hasText("3 risultati");

        page.locator("#feedback-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(questions.get(2))).click();
        assertThat(question()).hasText(questions.get(2));
        assertThat(page.locator("#feedback-detail-previous")).isDisabled();
        assertThat(page.locator("#feedback-detail-next")).isEnabled();

        page.keyboard().press("Alt+ArrowDown");
        assertThat(question()).hasText(questions.get(1));
        assertThat(page).hasURL(Pattern.compile(".*feedback/detail/" + ids.get(1) + "\\?(?=.*list=browse)(?=.*q=" + marker + ").*"));
        page.locator("#feedback-detail-next").click();
        assertThat(question()).hasText(questions.get(0));
        assertThat(page.locator("#feedback-detail-next")).isDisabled();
        page.keyboard().press("Alt+ArrowDown"); // at the end: nothing happens
        assertThat(question()).hasText(questions.get(0));
        page.waitForURL(Pattern.compile(".*feedback/detail/" + ids.get(0) + "\\?.*"));

        page.reload();
        assertThat(question()).hasText(questions.get(0));
        assertThat(page.locator("#feedback-detail-previous")).isEnabled();
        page.keyboard().press("Alt+ArrowUp");
        assertThat(question()).hasText(questions.get(1));
        page.locator("#feedback-detail-previous").click();
        assertThat(question()).hasText(questions.get(2));
        assertThat(page.locator("#feedback-detail-previous")).isDisabled();
        // The step's answer replaces the address by a script; in one CI run under load Back, pressed as soon as the
        // question changed, left the detail on screen. A person goes back from the address they see: wait for it.
        page.waitForURL(Pattern.compile(".*feedback/detail/" + ids.get(2) + "\\?.*"));

        page.goBack(); // the steps replaced the detail's history entry: Back is the filtered list
        page.waitForURL(Pattern.compile(".*feedback/browse\\?.*q=" + marker + ".*"));
        assertThat(page.locator("#feedback-result-count")).hasText("3 risultati");
    }

    @Test
    void the_browser_sorted_oldest_first_walks_in_that_order() {
        String marker = marker("Ordine");
        List<String> questions = List.of(marker + " prima domanda?", marker + " seconda domanda?");
        questions.forEach(q -> submit(testUsers.createVerifiedExpert(), q, null));

        logIn("giulia.ferrari@efs.local", "Revisore-demo-2026");
        page.navigate(url("/feedback/browse?sort=asc&q=" + marker));
        page.locator("#feedback-result-count").waitFor();
        assertThat(page.locator("#feedback-result-count")).hasText("2 risultati");
        page.locator("#feedback-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(questions.get(0))).click();
        assertThat(question()).hasText(questions.get(0));
        assertThat(page.locator("#feedback-detail-previous")).isDisabled();
        assertThat(page.locator("#feedback-detail-next")).isEnabled(); // the page is ready for its keys
        page.keyboard().press("Alt+ArrowDown");
        assertThat(question()).hasText(questions.get(1));
        assertThat(page.locator("#feedback-detail-next")).isDisabled();
        page.waitForURL(Pattern.compile(".*sort=asc.*"));
    }

    @Test
    void the_expert_walks_their_own_feedback_and_only_theirs() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        String marker = marker("Mio");
        String older = marker + " la mia prima risposta giudicata?";
        String newer = marker + " la mia seconda risposta giudicata?";
        UUID olderId = submit(expert, older, null);
        submit(testUsers.createVerifiedExpert(), marker + " di un collega, in mezzo?", null);
        submit(expert, newer, null);

        logIn(expert.email(), TestUsers.PASSWORD);
        page.navigate(url("/my-feedback"));
        page.locator("#my-feedback-grid").waitFor();
        page.locator("#my-feedback-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(newer)).click();
        assertThat(question()).hasText(newer);
        assertThat(page.locator("#feedback-detail-previous")).isDisabled();
        assertThat(page.locator("#feedback-detail-next")).isEnabled();
        page.keyboard().press("Alt+ArrowDown");
        assertThat(question()).hasText(older); // the colleague's feedback in between is not theirs to see
        assertThat(page.locator("#feedback-detail-next")).isDisabled();
        // The address of the item shown, not just of the list (the step replaces it by a script after the content:
        // one CI run reloaded in between and got the previous item back).
        page.waitForURL(Pattern.compile(".*feedback/detail/" + olderId + "\\?.*list=mine.*"));
        page.reload();
        assertThat(question()).hasText(older);
    }

    @Test
    void the_golden_set_keeps_the_open_faq_in_the_url_and_walks_the_filtered_list() {
        String marker = marker("Aureo");
        List<String> questions = List.of(marker + " uno?", marker + " due?", marker + " tre?");
        TestUsers.Created reviewer = testUsers.create("REVIEWER");
        for (String q : questions) { // approved in this order: the golden set lists the oldest change first
            submit(testUsers.createVerifiedExpert(), q, "IVA");
            UUID candidate = jdbc.queryForObject("select id from expert_faq_candidates where question = ?", UUID.class, q);
            try (SignedIn signedIn = SignedIn.as(reviewer, Role.REVIEWER)) {
                review.approve(candidate, null);
            }
        }
        UUID second = jdbc.queryForObject("select id from expert_faq_candidates where question = ?", UUID.class, questions.get(1));

        logIn("giulia.ferrari@efs.local", "Revisore-demo-2026");
        page.navigate(url("/faq/published?q=" + marker));
        page.locator("#golden-result-count").waitFor();
        assertThat(page.locator("#golden-result-count")).containsText("3 ");
        assertThat(page.locator("#golden-next")).isDisabled(); // nothing open yet
        page.locator("#golden-grid").getByText(questions.get(1), new Locator.GetByTextOptions().setExact(true)).click();
        Locator answer = page.locator(".golden-answer");
        assertThat(answer).hasCount(1);
        assertThat(answer).containsText(questions.get(1));
        page.waitForURL(Pattern.compile(".*faq/published\\?.*faq=" + second + ".*"));

        page.reload(); // a shared link or a reload reopens the same FAQ
        assertThat(page.locator(".golden-answer")).containsText(questions.get(1));
        assertThat(page.locator("#golden-previous")).isEnabled();
        page.keyboard().press("Alt+ArrowDown");
        assertThat(page.locator(".golden-answer")).containsText(questions.get(2));
        assertThat(page.locator(".golden-answer")).hasCount(1);
        assertThat(page.locator("#golden-next")).isDisabled();
        page.keyboard().press("Alt+ArrowUp");
        page.keyboard().press("Alt+ArrowUp");
        assertThat(page.locator(".golden-answer")).containsText(questions.get(0));
        assertThat(page.locator("#golden-previous")).isDisabled();
        page.locator("#golden-grid").getByText(questions.get(0), new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator(".golden-answer")).hasCount(0); // a second click closes it, and the link forgets it
        page.waitForURL(Pattern.compile("^(?!.*faq=).*faq/published.*"));
    }
}
