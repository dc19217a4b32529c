package it.expertfeedback.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.faq.GoldenSetService;
import it.expertfeedback.faq.CandidateRow;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/** DOMAIN.md §6: an Italian full-text search, stemmed and accent-insensitive, in the feedback browser and golden set. */
@IntegrationTest
class ItalianSearchTest {

    @Autowired
    FeedbackService feedback;

    @Autowired
    GoldenSetService goldenSet;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fatture_finds_fattura_and_societa_finds_societa_with_its_accent() {
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").replaceAll("[0-9]", "x").substring(0, 10);
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        UUID invoice;
        UUID company;
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            invoice = submit("Come si emette la fattura elettronica " + marker + "?", "Tramite lo SdI.").feedbackId();
            company = submit("Una società di persone " + marker + " paga l'IRAP?", "Sì, di norma.").feedbackId();
            submit("Scadenza del modello 730 " + marker, "Il 30 settembre.");
        }
        UUID approvedCompany = jdbc.queryForObject(
                "select candidate_id from expert_faq_candidate_feedback where feedback_id = ?", UUID.class, company);
        jdbc.update("update expert_faq_candidates set approval_status = 'approved', approved_at = now() where id = ?", approvedCompany);

        try (SignedIn signedIn = SignedIn.as(testUsers.create("REVIEWER"), Role.REVIEWER)) {
            assertThat(browse("fatture " + marker)).containsExactly(invoice);
            assertThat(browse("societa " + marker)).containsExactly(company);
            assertThat(browse("SOCIETÀ " + marker)).containsExactly(company);
            assertThat(feedback.countFeedback(FeedbackFilter.none().withText("fatture " + marker))).isOne();
            assertThat(goldenSet.goldenSet("societa " + marker, null, null, PageRequest.of(0, 10)))
                    .extracting(CandidateRow::id).containsExactly(approvedCompany);
            assertThat(goldenSet.countGoldenSet("fatture " + marker, null, null)).isZero(); // pending, not published
        }
    }

    @Test
    void the_searches_use_the_full_text_indexes() {
        String feedbackPlan = plan("select id from expert_feedback f where " + FeedbackQueries.SEARCHABLE
                + " @@ websearch_to_tsquery('efs_italian'::regconfig, 'fatture')");
        assertThat(feedbackPlan).contains("idx_expert_feedback_fts");
        String goldenPlan = plan("select id from expert_faq_candidates c where "
                + "to_tsvector('efs_italian'::regconfig, coalesce(c.question, '') || ' ' || coalesce(c.answer, ''))"
                + " @@ websearch_to_tsquery('efs_italian'::regconfig, 'fatture')");
        assertThat(goldenPlan).contains("idx_expert_faq_candidates_fts");
    }

    /** The plan on one connection with sequential scans off: the test tables are tiny, the question is whether the index can serve. */
    private String plan(String sql) {
        return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) connection -> {
            StringBuilder plan = new StringBuilder();
            try (var statement = connection.createStatement()) {
                statement.execute("set enable_seqscan = off");
                try (var rows = statement.executeQuery("explain " + sql)) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                statement.execute("reset enable_seqscan");
            }
            return plan.toString();
        });
    }

    private SubmissionResult submit(String question, String answer) {
        return feedback.submit(new FeedbackSubmission(UUID.randomUUID(), "correct", null, question, answer, null,
                List.of(), List.of(), 0.5, 60, null, null, null));
    }

    private List<UUID> browse(String text) {
        return feedback.findFeedback(FeedbackFilter.none().withText(text), false, PageRequest.of(0, 10)).stream()
                .map(FeedbackRow::id).toList();
    }
}
