package it.expertfeedback.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.expertfeedback.base.validation.NotAllowedException;
import it.expertfeedback.expert.TrustScore;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a submission and a judgement change: metrics, trust (§3), candidates (§5), four eyes. */
@IntegrationTest
class FeedbackWorkflowTest {

    @Autowired
    FeedbackService feedback;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    static FeedbackSubmission correct(String question, int seconds, double confidence) {
        return new FeedbackSubmission(UUID.randomUUID(), "correct", null, question,
                "Sì, il regime forfettario resta applicabile fino a 85.000 euro di ricavi.", null, List.of(),
                List.of("Art. 1, comma 54, L. 190/2014"), confidence, seconds, 2, null, "Regime forfettario");
    }

    @Test
    void a_submission_recomputes_the_experts_metrics_and_trust_in_the_same_transaction() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        SubmissionResult first;
        SubmissionResult second;
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            first = feedback.submit(correct("Domanda uno " + UUID.randomUUID(), 100, 0.9));
            second = feedback.submit(correct("Domanda due " + UUID.randomUUID(), 301, 0.9));
        }
        Map<String, Object> profile = jdbc.queryForMap("""
                select feedback_count, average_response_time_seconds, trust_score, feedback_accuracy_rate
                from expert_profiles where user_id = ?""", expert.id());
        assertThat(profile.get("feedback_count")).isEqualTo(2);
        assertThat(profile.get("average_response_time_seconds")).isEqualTo(201); // round(200.5)
        double expected = TrustScore.compute(new TrustScore.Inputs(true,
                List.of(it.expertfeedback.expert.CredentialType.dottore_commercialista), 0, 0, 0, 2, 201, 0)).total();
        assertThat(profile.get("trust_score")).isEqualTo(expected);
        assertThat(second.expertTrustScore()).isEqualTo(expected);
        assertThat(first.candidateCreated()).isTrue();
        assertThat(jdbc.queryForObject("select expert_trust_score from expert_feedback where id = ?", Double.class,
                second.feedbackId())).isEqualTo(expected);
    }

    @Test
    void a_correct_verdict_creates_a_pending_candidate_and_the_same_question_elsewhere_raises_its_frequency() {
        String tail = UUID.randomUUID().toString().substring(0, 8);
        TestUsers.Created one = testUsers.createVerifiedExpert();
        TestUsers.Created two = testUsers.createVerifiedExpert();
        SubmissionResult created;
        SubmissionResult merged;
        try (SignedIn signedIn = SignedIn.as(one, Role.EXPERT)) {
            created = feedback.submit(correct("Posso restare nel forfettario con 80.000 euro di ricavi? " + tail, 120, 0.8));
        }
        try (SignedIn signedIn = SignedIn.as(two, Role.EXPERT)) {
            merged = feedback.submit(correct("  POSSO restare nel FORFETTARIO, con 80000 euro di ricavi " + tail + "?!", 90, 0.7));
        }
        assertThat(created.candidateCreated()).isTrue();
        assertThat(merged.candidateCreated()).isFalse();
        assertThat(merged.candidateId()).isEqualTo(created.candidateId());
        Map<String, Object> candidate = jdbc.queryForMap("""
                select approval_status, frequency, expert_trust_score, priority_score, answer, suggested_category,
                       regulatory_references::text as refs
                from expert_faq_candidates where id = ?""", created.candidateId());
        assertThat(candidate.get("approval_status")).isEqualTo("pending");
        assertThat(candidate.get("frequency")).isEqualTo(2);
        assertThat(candidate.get("expert_trust_score")).isEqualTo(created.expertTrustScore());
        // round2(confidence 0.8 × trust × frequency 2 × 100), the proposer's confidence and trust
        BigDecimal expectedPriority = BigDecimal.valueOf(0.8 * created.expertTrustScore() * 2 * 100)
                .setScale(2, java.math.RoundingMode.HALF_UP);
        assertThat((BigDecimal) candidate.get("priority_score")).isEqualByComparingTo(expectedPriority);
        assertThat(candidate.get("answer")).asString().startsWith("Sì, il regime forfettario");
        assertThat(candidate.get("suggested_category")).isEqualTo("Regime forfettario");
        assertThat(jdbc.queryForList("select feedback_id from expert_faq_candidate_feedback where candidate_id = ?",
                UUID.class, created.candidateId())).containsExactlyInAnyOrder(created.feedbackId(), merged.feedbackId());
    }

    @Test
    void an_incomplete_verdict_without_a_correction_proposes_nothing() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            SubmissionResult result = feedback.submit(new FeedbackSubmission(UUID.randomUUID(), "incomplete",
                    "caso_mancante", "Domanda senza correzione " + UUID.randomUUID(), "Risposta", null, List.of(),
                    List.of(), 0.6, 60, null, "Manca il caso dei soci di SRL", null));
            assertThat(result.candidateId()).isNull();
        }
    }

    @Test
    void upholding_and_overturning_change_accuracy_and_trust_and_nobody_judges_their_own() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        UUID a;
        UUID b;
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            a = feedback.submit(correct("Giudizio A " + UUID.randomUUID(), 180, 0.9)).feedbackId();
            b = feedback.submit(correct("Giudizio B " + UUID.randomUUID(), 180, 0.9)).feedbackId();
        }
        double before = trustOf(expert);
        TestUsers.Created reviewer = testUsers.create("REVIEWER");
        // verified commercialista, 2 feedback, nothing judged: 0.30 + 0 + 0.30 × 1/2 + 0.10 + 0 = 0.55
        assertThat(before).isEqualTo(0.55);
        try (SignedIn signedIn = SignedIn.as(reviewer, Role.REVIEWER)) {
            feedback.judge(a, ReviewVerdict.upheld);
            // 0.30 + 0.30 × 2/3 + 0.10 = 0.60
            assertThat(trustOf(expert)).isEqualTo(0.60);
            feedback.judge(b, ReviewVerdict.overturned);
        }
        // 0.30 + 0.30 × 2/4 + 0.10 = 0.55
        assertThat(trustOf(expert)).isEqualTo(0.55);
        assertThat(jdbc.queryForObject("select feedback_accuracy_rate from expert_profiles where user_id = ?",
                Double.class, expert.id())).isEqualTo(0.5);
        try (SignedIn signedIn = SignedIn.as(reviewer, Role.REVIEWER)) {
            feedback.judge(b, ReviewVerdict.upheld);
        }
        // 0.30 + 0.30 × 3/4 + 0.10 = 0.625
        assertThat(trustOf(expert)).isEqualTo(0.625);
        assertThat(jdbc.queryForList("select action from audit_log where entity_id = ? order by id", String.class, b.toString()))
                .containsExactly("submitted", "overturned", "upheld");

        // An expert who is also a reviewer cannot judge their own feedback.
        jdbc.update("insert into user_role (user_id, role) values (?, 'REVIEWER')", expert.id());
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT, Role.REVIEWER)) {
            assertThatThrownBy(() -> feedback.judge(a, ReviewVerdict.overturned)).isInstanceOf(NotAllowedException.class);
        }
        assertThat(jdbc.queryForObject("select review_verdict from expert_feedback where id = ?", String.class, a))
                .isEqualTo("upheld");
    }

    private double trustOf(TestUsers.Created expert) {
        return jdbc.queryForObject("select trust_score from expert_profiles where user_id = ?", Double.class, expert.id());
    }
}
