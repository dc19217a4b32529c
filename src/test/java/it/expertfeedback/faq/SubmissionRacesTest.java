package it.expertfeedback.faq;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.feedback.SubmissionResult;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * DOMAIN.md §4: a valid submission is never lost to a reviewer deciding the candidate it would merge into (DD012's
 * one lock order: question, candidate, profile). Real threads against the services on real PostgreSQL.
 */
@IntegrationTest
class SubmissionRacesTest {

    private static final int ROUNDS = 50;
    private static final int MERGING_EXPERTS = 8;

    @Autowired
    FeedbackService feedback;

    @Autowired
    CandidateReviewService review;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    private SubmissionResult submit(TestUsers.Created expert, String question) {
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            return feedback.submit(new FeedbackSubmission(UUID.randomUUID(), "correct", null, question,
                    "Sì, entro il 16 del mese successivo.", null, List.of(), List.of("Art. 18, D.Lgs. 241/1997"), 0.5, 90,
                    null, null, "Versamenti"));
        }
    }

    @Test
    void fifty_rounds_of_approving_while_eight_experts_merge_and_the_proposer_re_asks_lose_nothing() throws Exception {
        TestUsers.Created proposer = testUsers.createVerifiedExpert();
        List<TestUsers.Created> experts = new ArrayList<>();
        for (int i = 0; i < MERGING_EXPERTS; i++) {
            experts.add(testUsers.createVerifiedExpert());
        }
        TestUsers.Created reviewer = testUsers.create("REVIEWER");
        List<String> failures = new ArrayList<>();
        List<UUID> stored = new ArrayList<>();
        int approvals = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(MERGING_EXPERTS + 2)) {
            for (int round = 0; round < ROUNDS; round++) {
                String question = "Il versamento dell'IVA mensile scade il 16? Giro " + round + " " + UUID.randomUUID();
                SubmissionResult first = submit(proposer, question);
                stored.add(first.feedbackId());
                UUID candidate = first.candidateId();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> work = new ArrayList<>();
                work.add(pool.submit(race(start, () -> {
                    try (SignedIn signedIn = SignedIn.as(reviewer, Role.REVIEWER)) {
                        return review.approve(candidate, null);
                    }
                })));
                for (TestUsers.Created expert : experts) {
                    // Different spelling, same normalized question: each would merge into the candidate being approved.
                    work.add(pool.submit(race(start, () -> submit(expert, question.toUpperCase() + " !"))));
                }
                work.add(pool.submit(race(start, () -> submit(proposer, question)))); // the proposer re-asking
                start.countDown();
                for (Future<Object> outcome : work) {
                    try {
                        Object result = outcome.get(60, TimeUnit.SECONDS);
                        if (result instanceof SubmissionResult submitted) {
                            stored.add(submitted.feedbackId());
                        } else {
                            approvals++;
                        }
                    } catch (java.util.concurrent.ExecutionException failed) {
                        failures.add("round " + round + ": " + failed.getCause());
                    }
                }
            }
        }
        assertThat(failures).as("submissions or approvals refused, deadlocks").isEmpty();
        assertThat(approvals).isEqualTo(ROUNDS);
        assertThat(stored).hasSize(ROUNDS * (MERGING_EXPERTS + 2)).doesNotHaveDuplicates();
        for (UUID id : stored) {
            assertThat(jdbc.queryForObject("select count(*) from expert_feedback where id = ?", Integer.class, id))
                    .as("stored").isOne();
            assertThat(jdbc.queryForObject("select count(*) from expert_faq_candidate_feedback where feedback_id = ?",
                    Integer.class, id)).as("linked to exactly one candidate").isOne();
        }
        // Every candidate's frequency is the number of feedback linked to it: no merge counted twice or lost.
        assertThat(jdbc.queryForObject("""
                select count(*) from expert_faq_candidates c
                where c.frequency <> (select count(*) from expert_faq_candidate_feedback l where l.candidate_id = c.id)
                  and c.id in (select candidate_id from expert_faq_candidate_feedback where feedback_id = any(?))""",
                Integer.class, (Object) stored.toArray(UUID[]::new))).isZero();
    }

    private static Callable<Object> race(CountDownLatch start, Callable<Object> action) {
        return () -> {
            start.await();
            return action.call();
        };
    }
}
