package it.expertfeedback.app.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import it.expertfeedback.support.BrowserlessUi;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.text.NumberFormat;
import java.text.ParseException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The three tiles of the home page show the database's numbers: the firm's for reviewers, an expert's own. */
@IntegrationTest
class HomeViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    private long activeVerifiedExperts() {
        return jdbc.queryForObject("select count(*) from expert_profiles where is_active and is_verified", Long.class);
    }

    /** Tile number (Italian grouping, e.g. 1.234) and its label. */
    private record Tile(long value, String label) {
    }

    private static Tile tile(String id) {
        Div tile = _get(Div.class, spec -> spec.withId(id));
        String number = _get(tile, Span.class, spec -> spec.withClasses("tile-value")).getText();
        String label = _get(tile, Span.class, spec -> spec.withoutClasses("tile-value")).getText();
        try {
            return new Tile(NumberFormat.getIntegerInstance(Locale.ITALIAN).parse(number).longValue(), label);
        } catch (ParseException e) {
            throw new AssertionError("Tile " + id + " shows no number: " + number, e);
        }
    }

    @Test
    void a_reviewer_sees_the_firms_counts_from_the_database() {
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("REVIEWER"))) {
            ui.navigate("", HomeView.class);
            long feedbackLast30Days = jdbc.queryForObject(
                    "select count(*) from expert_feedback where feedback_timestamp >= now() - interval '30 days'", Long.class);
            long pendingCandidates = jdbc.queryForObject(
                    "select count(*) from expert_faq_candidates where approval_status = 'pending'", Long.class);

            assertThat(tile("home-experts")).isEqualTo(new Tile(activeVerifiedExperts(), "Esperti attivi e verificati"));
            assertThat(tile("home-feedback")).isEqualTo(new Tile(feedbackLast30Days, "Feedback negli ultimi 30 giorni"));
            assertThat(tile("home-pending")).isEqualTo(new Tile(pendingCandidates, "Candidati FAQ in attesa"));
            // The demo data makes these non-trivial: a zero would not prove the counts are read at all.
            assertThat(activeVerifiedExperts()).isPositive();
            assertThat(feedbackLast30Days).isPositive();
            assertThat(_get(H2.class).getText()).isEqualTo("Benvenuto, " + ui.principal().displayName());
        }
    }

    @Test
    void an_expert_sees_own_feedback_and_own_pending_candidates_only() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        java.util.UUID profile = jdbc.queryForObject("select id from expert_profiles where user_id = ?", UUID.class, expert.id());
        insertFeedback(profile, "1 day");
        insertFeedback(profile, "29 days");
        insertFeedback(profile, "40 days"); // outside the 30-day window
        insertCandidate(profile, "pending");
        insertCandidate(profile, "pending");
        insertCandidate(profile, "approved");
        insertCandidate(profile, "rejected");

        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, expert)) {
            ui.navigate("", HomeView.class);

            assertThat(tile("home-experts")).isEqualTo(new Tile(activeVerifiedExperts(), "Esperti attivi e verificati"));
            assertThat(tile("home-feedback")).isEqualTo(new Tile(2, "I miei feedback negli ultimi 30 giorni"));
            assertThat(tile("home-pending")).isEqualTo(new Tile(2, "I miei candidati FAQ in attesa"));
        }
        // Everyone else's rows exist too, so the tiles above really are filtered to this expert.
        assertThat(jdbc.queryForObject("select count(*) from expert_faq_candidates where approval_status = 'pending'",
                Long.class)).isGreaterThan(2);
    }

    @Test
    void an_expert_without_any_feedback_sees_zeros() {
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.createVerifiedExpert())) {
            ui.navigate("", HomeView.class);

            assertThat(tile("home-feedback").value()).isZero();
            assertThat(tile("home-pending").value()).isZero();
        }
    }

    private void insertFeedback(UUID expertProfile, String age) {
        jdbc.update("""
                insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer,
                                             time_spent_seconds, feedback_timestamp)
                values (gen_random_uuid(), ?, 'correct', 'Aliquota IVA ridotta per i libri?', 'Il 4%.', 60,
                        now() - cast(? as interval))""", expertProfile, age);
    }

    private void insertCandidate(UUID expertProfile, String status) {
        jdbc.update("""
                insert into expert_faq_candidates (question, answer, expert_id, approval_status)
                values (?, 'Risposta di prova', ?, ?)""", "Domanda di prova " + UUID.randomUUID(), expertProfile, status);
    }
}
