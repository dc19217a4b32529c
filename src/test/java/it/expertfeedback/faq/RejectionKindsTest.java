package it.expertfeedback.faq;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.feedback.ReviewVerdict;
import it.expertfeedback.feedback.SubmissionResult;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.Api;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** DOMAIN.md §3/§5: only a content_wrong rejection overturns; wording, duplicate and out_of_scope judge nothing. */
@IntegrationTest
class RejectionKindsTest {

    @LocalServerPort
    int port;

    @Autowired
    CandidateReviewService review;

    @Autowired
    FeedbackService feedback;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    private SubmissionResult submit(TestUsers.Created expert, String question) {
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            return feedback.submit(new FeedbackSubmission(UUID.randomUUID(), "correct", null,
                    question + " " + UUID.randomUUID(), "Risposta dell'assistente.", null, List.of(), List.of(), 0.5, 180,
                    null, null, null));
        }
    }

    private double trustOf(TestUsers.Created expert) {
        return jdbc.queryForObject("select trust_score from expert_profiles where user_id = ?", Double.class, expert.id());
    }

    private String verdictOf(UUID feedbackId) {
        return jdbc.queryForObject("select review_verdict from expert_feedback where id = ?", String.class, feedbackId);
    }

    @Test
    void wording_duplicate_and_out_of_scope_leave_trust_and_verdict_unchanged() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        TestUsers.Created reviewer = testUsers.create("REVIEWER");
        for (RejectionKind kind : List.of(RejectionKind.wording, RejectionKind.duplicate, RejectionKind.out_of_scope)) {
            SubmissionResult result = submit(expert, "Domanda da riformulare");
            double before = trustOf(expert);
            try (SignedIn signedIn = SignedIn.as(reviewer, Role.REVIEWER)) {
                review.reject(result.candidateId(), "Testo da riscrivere in forma di FAQ.", kind, null);
            }
            assertThat(trustOf(expert)).as(kind.code()).isEqualTo(before);
            assertThat(verdictOf(result.feedbackId())).as(kind.code()).isNull();
            assertThat(jdbc.queryForObject("select rejection_kind::text from expert_faq_candidates where id = ?",
                    String.class, result.candidateId())).isEqualTo(kind.code());
        }
    }

    @Test
    void content_wrong_overturns_and_lowers_trust_exactly_as_the_track_record_formula_says() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        SubmissionResult result = submit(expert, "Domanda con risposta sbagliata");
        double before = trustOf(expert);
        try (SignedIn signedIn = SignedIn.as(testUsers.create("REVIEWER"), Role.REVIEWER)) {
            review.reject(result.candidateId(), "La risposta cita una norma abrogata.", RejectionKind.content_wrong, null);
        }
        assertThat(verdictOf(result.feedbackId())).isEqualTo("overturned");
        // §3: P = 0.30 × (upheld + 1) / (resolved + 2): 0 resolved → 0.15; 1 resolved, 0 upheld → 0.10.
        assertThat(trustOf(expert)).isEqualTo(Math.round((before - 0.15 + 0.10) * 10_000) / 10_000.0);
    }

    @Test
    void over_rest_the_kind_defaults_to_content_wrong_and_an_unknown_kind_is_a_422() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        TestUsers.Created reviewer = testUsers.create("REVIEWER");
        Api api = new Api(port);
        String token = api.token(reviewer.email(), TestUsers.PASSWORD);
        SubmissionResult wording = submit(expert, "Formulazione");
        Api.Response unknown = api.post("/api/v1/faq/candidates/" + wording.candidateId() + "/reject", token,
                "{\"reason\":\"Da riscrivere\",\"kind\":\"style\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").has("kind")).isTrue();
        assertThat(api.post("/api/v1/faq/candidates/" + wording.candidateId() + "/reject", token,
                "{\"reason\":\"Da riscrivere\",\"kind\":\"wording\"}").status()).isEqualTo(200);
        assertThat(verdictOf(wording.feedbackId())).isNull();

        SubmissionResult defaulted = submit(expert, "Contenuto");
        assertThat(api.post("/api/v1/faq/candidates/" + defaulted.candidateId() + "/reject", token,
                "{\"reason\":\"Sbagliata\"}").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select rejection_kind::text from expert_faq_candidates where id = ?",
                String.class, defaulted.candidateId())).isEqualTo("content_wrong");
        assertThat(verdictOf(defaulted.feedbackId())).isEqualTo("overturned");
    }

    @Test
    void a_direct_judgement_keeps_the_reviewers_comment_for_the_expert() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        SubmissionResult result = submit(expert, "Giudizio diretto");
        try (SignedIn signedIn = SignedIn.as(testUsers.create("REVIEWER"), Role.REVIEWER)) {
            feedback.judge(result.feedbackId(), ReviewVerdict.overturned, "  Manca la soglia dei 5.000 euro.  ");
        }
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            var details = feedback.getDetails(result.feedbackId());
            assertThat(details.feedback().getReviewComment()).isEqualTo("Manca la soglia dei 5.000 euro.");
            assertThat(details.feedback().getReviewVerdict()).isEqualTo(ReviewVerdict.overturned);
        }
    }
}
