package it.expertfeedback.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.security.Role;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The reviewer's feedback browser: filters, counts and paging straight from the database. */
@IntegrationTest
class FeedbackBrowserTest {

    @Autowired
    FeedbackService feedback;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void filters_counts_and_pages_match_the_rows() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        UUID expertId = jdbc.queryForObject("select id from expert_profiles where user_id = ?", UUID.class, expert.id());
        String marker = "marcatore-" + UUID.randomUUID().toString().substring(0, 8);
        insert(expertId, "incorrect", "calcolo_sbagliato", marker + " uno", "upheld", true, "2026-03-10T10:00:00Z");
        insert(expertId, "incorrect", "calcolo_sbagliato", marker + " due", null, false, "2026-03-11T10:00:00Z");
        insert(expertId, "incomplete", "caso_mancante", marker + " tre", null, false, "2026-03-12T10:00:00Z");
        insert(expertId, "correct", null, marker + " quattro", "overturned", false, "2026-03-13T10:00:00Z");

        try (SignedIn reviewer = SignedIn.as(testUsers.create("REVIEWER"), Role.REVIEWER)) {
            FeedbackFilter mine = FeedbackFilter.none().withExpertText(expert.email());
            assertThat(feedback.countFeedback(mine)).isEqualTo(4);
            Map<FeedbackCategory, Long> byCategory = feedback.countByCategory(mine.withCategory(FeedbackCategory.caso_mancante));
            assertThat(byCategory).containsEntry(FeedbackCategory.calcolo_sbagliato, 2L)
                    .containsEntry(FeedbackCategory.caso_mancante, 1L).hasSize(2);
            assertThat(feedback.countByType(mine)).containsEntry(FeedbackType.incorrect, 2L)
                    .containsEntry(FeedbackType.incomplete, 1L).containsEntry(FeedbackType.correct, 1L);

            List<FeedbackRow> newestFirst = feedback.findFeedback(mine, false, PageRequest.of(0, 10));
            assertThat(newestFirst).extracting(FeedbackRow::queryText)
                    .containsExactly(marker + " quattro", marker + " tre", marker + " due", marker + " uno");
            assertThat(feedback.findFeedback(mine, true, PageRequest.of(0, 2))).extracting(FeedbackRow::queryText)
                    .containsExactly(marker + " uno", marker + " due");
            assertThat(feedback.findFeedback(mine, true, PageRequest.of(1, 2))).extracting(FeedbackRow::queryText)
                    .containsExactly(marker + " tre", marker + " quattro");

            assertThat(feedback.countFeedback(mine.withCategory(FeedbackCategory.calcolo_sbagliato))).isEqualTo(2);
            assertThat(feedback.countFeedback(mine.withType(FeedbackType.correct))).isEqualTo(1);
            assertThat(feedback.countFeedback(mine.withReviewed(true))).isEqualTo(2);
            assertThat(feedback.countFeedback(mine.withReviewed(false))).isEqualTo(2);
            assertThat(feedback.countFeedback(mine.withImprovementApplied(true))).isEqualTo(1);
            assertThat(feedback.countFeedback(mine.withText(marker + " tre"))).isEqualTo(1);
            assertThat(feedback.countFeedback(mine.withFrom(LocalDate.of(2026, 3, 11)).withTo(LocalDate.of(2026, 3, 12))))
                    .isEqualTo(2);
        }
    }

    @Test
    void an_experts_feedback_of_the_last_30_days_newest_first() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        UUID expertId = jdbc.queryForObject("select id from expert_profiles where user_id = ?", UUID.class, expert.id());
        java.time.Instant now = java.time.Instant.now();
        insert(expertId, "correct", null, "recente", null, false, now.minus(java.time.Duration.ofDays(2)).toString());
        insert(expertId, "correct", null, "recentissimo", null, false, now.minus(java.time.Duration.ofHours(1)).toString());
        insert(expertId, "correct", null, "vecchio", null, false, now.minus(java.time.Duration.ofDays(40)).toString());
        try (SignedIn reviewer = SignedIn.as(testUsers.create("REVIEWER"), Role.REVIEWER)) {
            assertThat(feedback.feedbackOfExpert(expertId, 30, 50)).extracting(FeedbackRow::queryText)
                    .containsExactly("recentissimo", "recente");
        }
    }

    private void insert(UUID expertId, String type, String category, String question, String verdict, boolean applied,
                        String at) {
        jdbc.update("""
                insert into expert_feedback (query_id, expert_id, feedback_type, category, query_text, original_answer,
                    time_spent_seconds, review_verdict, improvement_applied, feedback_timestamp)
                values (?, ?, ?::feedback_type, ?::italian_feedback_category, ?, 'Risposta', 60, ?, ?, ?::timestamptz)""",
                UUID.randomUUID(), expertId, type, category, question, verdict, applied, at);
    }
}
