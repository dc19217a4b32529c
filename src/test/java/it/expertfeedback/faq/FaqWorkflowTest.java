package it.expertfeedback.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.expertfeedback.base.validation.ConflictException;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.base.validation.NotAllowedException;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.feedback.SubmissionResult;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Candidates from submission to decision: auto-approval, four eyes, concurrency, trust, similar questions. */
@IntegrationTest
class FaqWorkflowTest {

    @Autowired
    CandidateReviewService faq;

    @Autowired
    FaqProposalService proposals;

    @Autowired
    GoldenSetService goldenSet;

    @Autowired
    FeedbackService feedback;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    private SubmissionResult submit(TestUsers.Created expert, String question, String answer, double confidence) {
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            return feedback.submit(new FeedbackSubmission(UUID.randomUUID(), "correct", null, question, answer, null,
                    List.of(), List.of("Art. 1, L. 190/2014"), confidence, 120, null, null, "Regime forfettario"));
        }
    }

    /** A verified expert whose trust reaches 1.0 and who has 5 upheld feedback: meets every threshold. */
    private TestUsers.Created trustedExpert() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        jdbc.update("""
                update expert_profiles set credential_types = '{dottore_commercialista,revisore_legale}', experience_years = 20,
                    specializations = '{IVA,Lavoro,730,Forfettario,Societa}' where user_id = ?""", expert.id());
        UUID profile = jdbc.queryForObject("select id from expert_profiles where user_id = ?", UUID.class, expert.id());
        for (int i = 0; i < 5; i++) {
            jdbc.update("""
                    insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer,
                        time_spent_seconds, review_verdict) values (?, ?, 'correct', 'Passata', 'Risposta', 100, 'upheld')""",
                    UUID.randomUUID(), profile);
        }
        return expert;
    }

    private static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_trusted_experts_confident_candidate_is_approved_by_the_rule_and_the_audit_says_why() {
        SubmissionResult result = submit(trustedExpert(), unique("Il forfettario ammette soci di SRL?"), "Dipende dal controllo.", 0.9);

        assertThat(result.candidateStatus()).isEqualTo("approved");
        var row = jdbc.queryForMap("select approved_by, approved_at, auto_approved from expert_faq_candidates where id = ?",
                result.candidateId());
        assertThat(row.get("approved_by")).isNull();
        assertThat(row.get("approved_at")).isNotNull();
        assertThat(row.get("auto_approved")).isEqualTo(true);
        String audit = jdbc.queryForObject("""
                select after_state::text from audit_log where entity_type = 'faq_candidate' and entity_id = ? and action = 'auto_approved'""",
                String.class, result.candidateId().toString());
        assertThat(audit).contains("\"rule\": \"auto_approval\"").contains("\"min_trust\": 0.85").contains("\"resolved\": 5");
    }

    @Test
    void low_confidence_or_a_conflicting_approved_answer_keeps_the_candidate_pending() {
        TestUsers.Created trusted = trustedExpert();
        assertThat(submit(trusted, unique("Domanda poco sicura"), "Risposta", 0.79).candidateStatus()).isEqualTo("pending");

        String question = unique("Aliquota IVA per i servizi di pulizia?");
        SubmissionResult first = submit(trusted, question, "22%", 0.95);
        assertThat(first.candidateStatus()).isEqualTo("approved");
        SubmissionResult conflicting = submit(trustedExpert(), question.toUpperCase() + "!", "10%", 0.95);
        assertThat(conflicting.candidateStatus()).isEqualTo("pending");
        assertThat(conflicting.candidateId()).isNotEqualTo(first.candidateId());
    }

    @Test
    void two_reviewers_approving_at_once_one_wins_and_the_other_gets_the_conflict() throws Exception {
        UUID candidate = submit(testUsers.createVerifiedExpert(), unique("Concorrenza"), "Risposta", 0.5).candidateId();
        List<TestUsers.Created> reviewers = List.of(testUsers.create("REVIEWER"), testUsers.create("REVIEWER"));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (TestUsers.Created reviewer : reviewers) {
                outcomes.add(pool.submit(() -> {
                    try (SignedIn signedIn = SignedIn.as(reviewer, Role.REVIEWER)) {
                        start.await();
                        faq.approve(candidate, 0L);
                        return "approved";
                    } catch (ConflictException conflict) {
                        return conflict.messageKey();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsExactlyInAnyOrder("approved", "faq.error.already-decided");
        }
        assertThat(jdbc.queryForObject("select approval_status from expert_faq_candidates where id = ?", String.class, candidate))
                .isEqualTo("approved");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_id = ? and action = 'approved'",
                Integer.class, candidate.toString())).isOne();
    }

    @Test
    void nobody_decides_on_their_own_candidate_and_experts_may_not_decide() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        UUID candidate = submit(expert, unique("Quattro occhi"), "Risposta", 0.5).candidateId();
        jdbc.update("insert into user_role (user_id, role) values (?, 'REVIEWER')", expert.id());
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT, Role.REVIEWER)) {
            assertThatThrownBy(() -> faq.approve(candidate, null)).isInstanceOf(NotAllowedException.class);
            assertThat(faq.getCandidate(candidate).decidableByCaller()).isFalse();
        }
        try (SignedIn signedIn = SignedIn.as(testUsers.createVerifiedExpert(), Role.EXPERT)) {
            assertThatThrownBy(() -> faq.approve(candidate, null))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        }
        assertThat(jdbc.queryForObject("select approval_status from expert_faq_candidates where id = ?", String.class, candidate))
                .isEqualTo("pending");
    }

    @Test
    void a_rejection_needs_a_reason_which_the_expert_then_reads() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        UUID candidate = submit(expert, unique("Da rifiutare"), "Risposta vaga", 0.5).candidateId();
        try (SignedIn signedIn = SignedIn.as(testUsers.create("REVIEWER"), Role.REVIEWER)) {
            assertThatThrownBy(() -> faq.reject(candidate, "   ", RejectionKind.content_wrong, null)).isInstanceOf(InvalidInputException.class);
            faq.reject(candidate, "Risposta troppo generica: manca il riferimento normativo.", RejectionKind.content_wrong, null);
        }
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            CandidateRow mine = proposals.myCandidates(PageRequest.of(0, 10)).stream()
                    .filter(row -> row.id().equals(candidate)).findFirst().orElseThrow();
            assertThat(mine.approvalStatus()).isEqualTo(CandidateStatus.rejected);
            assertThat(mine.rejectionReason()).isEqualTo("Risposta troppo generica: manca il riferimento normativo.");
        }
    }

    @Test
    void decisions_judge_the_proposers_feedback_and_change_accuracy_and_trust() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        UUID approved = submit(expert, unique("Da approvare"), "Risposta giusta", 0.5).candidateId();
        UUID rejected = submit(expert, unique("Da respingere"), "Risposta sbagliata", 0.5).candidateId();
        // verified commercialista, 2 feedback, nothing judged: 0.30 + 0.15 + 0.10 = 0.55
        assertThat(trustOf(expert)).isEqualTo(0.55);
        try (SignedIn signedIn = SignedIn.as(testUsers.create("REVIEWER"), Role.REVIEWER)) {
            faq.approve(approved, null);
            // 1 upheld of 1: 0.30 + 0.30 × 2/3 + 0.10 = 0.60
            assertThat(trustOf(expert)).isEqualTo(0.60);
            faq.editAndApprove(rejected, new FaqEdit("Domanda riformulata?", "Risposta corretta dal revisore", "IVA",
                    List.of("acconto"), List.of("Art. 6, L. 405/1990")), null);
        }
        // edit-and-approve is an approval too: 2 of 2, 0.30 + 0.30 × 3/4 + 0.10 = 0.625
        assertThat(trustOf(expert)).isEqualTo(0.625);
        assertThat(jdbc.queryForObject("select feedback_accuracy_rate from expert_profiles where user_id = ?", Double.class,
                expert.id())).isEqualTo(1.0);
        String original = jdbc.queryForObject("""
                select before_state::text from audit_log where entity_id = ? and action = 'edited_and_approved'""",
                String.class, rejected.toString());
        assertThat(original).contains("Risposta sbagliata");
    }

    @Test
    void similar_questions_are_found_across_word_order_accents_and_punctuation() {
        String tail = UUID.randomUUID().toString().substring(0, 6);
        SubmissionResult approved = submit(trustedExpert(), "Qual è la detrazione per le spese veterinarie nel 730 " + tail + "?",
                "19% oltre la franchigia.", 0.95);
        assertThat(approved.candidateStatus()).isEqualTo("approved");
        UUID pending = submit(testUsers.createVerifiedExpert(),
                "Nel 730 " + tail + ", per le spese veterinarie qual e la detrazione", "Il 19%.", 0.5).candidateId();
        try (SignedIn signedIn = SignedIn.as(testUsers.create("REVIEWER"), Role.REVIEWER)) {
            List<SimilarQuestion> similar = faq.getCandidate(pending).similar();
            assertThat(similar).extracting(SimilarQuestion::id).contains(approved.candidateId());
            assertThat(similar.getFirst().similarity()).isGreaterThan(0.5);
        }
    }

    @Test
    void the_golden_set_since_an_instant_holds_exactly_what_was_approved_or_edited_after_it() throws Exception {
        UUID before = submit(testUsers.createVerifiedExpert(), unique("Prima"), "A", 0.5).candidateId();
        UUID after = submit(testUsers.createVerifiedExpert(), unique("Dopo"), "B", 0.5).candidateId();
        try (SignedIn signedIn = SignedIn.as(testUsers.create("REVIEWER"), Role.REVIEWER)) {
            faq.approve(before, null);
            Thread.sleep(20);
            Instant since = Instant.now();
            Thread.sleep(20);
            faq.approve(after, null);
            List<UUID> changed = goldenSet.goldenSet(null, null, since, PageRequest.of(0, 500)).stream().map(CandidateRow::id).toList();
            assertThat(changed).contains(after).doesNotContain(before);
            assertThat(goldenSet.countGoldenSet(null, null, since)).isEqualTo(changed.size());
            assertThat(goldenSet.goldenSet(null, null, since, PageRequest.of(0, 500)))
                    .allMatch(row -> row.approvalStatus() == CandidateStatus.approved && row.updatedAt().isAfter(since));
        }
    }

    private double trustOf(TestUsers.Created expert) {
        return jdbc.queryForObject("select trust_score from expert_profiles where user_id = ?", Double.class, expert.id());
    }
    @Test
    void the_queue_counts_what_its_pages_show_with_and_without_an_expert_filter() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        String name = jdbc.queryForObject("select display_name from \"user\" where id = ?", String.class, expert.id());
        submit(expert, unique("Il bollo sulle fatture elettroniche esenti?"), "Si applica sopra 77,47 euro.", 0.4);
        submit(expert, unique("La cedolare secca sui negozi?"), "Solo per i contratti del 2019.", 0.4);
        try (SignedIn signedIn = SignedIn.as(testUsers.create("REVIEWER"), Role.REVIEWER)) {
            long all = jdbc.queryForObject("select count(*) from expert_faq_candidates where approval_status = 'pending'", Long.class);
            assertThat(faq.countPending(QueueFilter.none())).isEqualTo(all);
            QueueFilter mine = QueueFilter.none().withExpertText(name);
            assertThat(faq.countPending(mine)).isEqualTo(2);
            assertThat(faq.findPending(mine, PageRequest.of(0, 50))).hasSize(2);
        }
    }
}
