package it.expertfeedback.inbox.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.inbox.ClaimedRequest;
import it.expertfeedback.inbox.ClaimingExperts;
import it.expertfeedback.inbox.Disagreement;
import it.expertfeedback.inbox.InboxService;
import it.expertfeedback.inbox.ReviewRequestDraft;
import it.expertfeedback.inbox.SettlementConflict;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.BrowserlessUi;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Settling a disagreement (issue 15): two experts judged one answer differently; a reviewer opens it from the URL,
 * says which verdict stands and confirms. The overturned expert's trust falls exactly as §3's track record says, the
 * upheld one's rises, the request leaves the list and the audit log has the settlement.
 */
@IntegrationTest
class DisagreementsViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InboxService inbox;

    @Autowired
    FeedbackService feedback;

    private TestUsers.Created expert(String spec) {
        return ClaimingExperts.withSpecializations(users, jdbc, spec);
    }

    private ClaimedRequest claim(TestUsers.Created expert, UUID queryId) {
        return ClaimingExperts.claimUntil(inbox, expert, queryId);
    }

    private UUID judge(TestUsers.Created expert, UUID queryId, String type, String details) {
        ClaimedRequest claimed = claim(expert, queryId);
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            return feedback.submit(new FeedbackSubmission(queryId, type, null, claimed.queryText(),
                    claimed.originalAnswer(), null, List.of(), List.of(), 0.8, 60, null, details, null)).feedbackId();
        }
    }

    private double trustOf(TestUsers.Created expert) {
        return jdbc.queryForObject("select trust_score from expert_profiles where user_id = ?", Double.class, expert.id());
    }

    private record Judged(UUID requestId, TestUsers.Created right, UUID rightFeedback, TestUsers.Created wrong,
                          UUID wrongFeedback) {
    }

    /** A two-review request: one expert says "correct", the other "incorrect". */
    private Judged disagreement() {
        String spec = "s-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = "t-" + UUID.randomUUID().toString().substring(0, 8);
        UUID queryId = UUID.randomUUID();
        UUID requestId;
        try (SignedIn admin = SignedIn.as(users.create("ADMIN"), Role.ADMIN)) {
            inbox.saveRoute(topic, List.of(spec));
            requestId = inbox.create(new ReviewRequestDraft(queryId, "La cessione di " + queryId.toString().substring(0, 6)
                    + " quintali di pane è ad aliquota IVA del 4%?", "Sì, il pane comune è al 4%.", topic, List.of(),
                    List.of(), null, null, "sampled", 100, 2, null)).request().id();
        }
        TestUsers.Created right = expert(spec);
        UUID rightFeedback = judge(right, queryId, "correct", null);
        TestUsers.Created wrong = expert(spec);
        UUID wrongFeedback = judge(wrong, queryId, "incorrect", "Secondo me si applica il 10%.");
        return new Judged(requestId, right, rightFeedback, wrong, wrongFeedback);
    }

    @Test
    void settling_a_disagreement_judges_both_reviews_as_section_3_says_and_takes_it_off_the_list() {
        Judged judged = disagreement();
        // The completion path keeps the first verdict's time on the request (analytics' median reads it, V21).
        assertThat(jdbc.queryForObject("""
                select first_verdict_at = (select min(completed_at) from review_slot where request_id = r.id and state = 'done')
                from review_request r where r.id = ?""", Boolean.class, judged.requestId())).isTrue();
        double rightBefore = trustOf(judged.right());
        double wrongBefore = trustOf(judged.wrong());
        TestUsers.Created reviewer = users.create("REVIEWER");
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, reviewer)) {
            DisagreementsView view = ui.navigate("inbox/disagreements", DisagreementsView.class);
            Disagreement listed = GridKt._findAll(view.grid).stream()
                    .filter(d -> d.requestId().equals(judged.requestId())).findFirst().orElseThrow();
            assertThat(listed.reviews()).extracting(Disagreement.Review::verdict).containsExactly("correct", "incorrect");
            assertThat(view.sideBySide(listed)).contains("Corretta — ").contains("Errata — ").contains(" · ");

            // The selection lives in the URL: a link opens the same disagreement.
            UI.getCurrent().navigate("inbox/disagreements",
                    QueryParameters.of("request", judged.requestId().toString()));
            view = _get(DisagreementsView.class);
            assertThat(view.panel.shown().requestId()).isEqualTo(judged.requestId());
            view.panel.comment.setValue("Il pane comune è nella tabella A, parte II: aliquota del 4%.");
            ButtonKt._click(_get(Button.class, spec -> spec.withId("settle-correct")));
            // Nothing happens before the reviewer confirms.
            assertThat(trustOf(judged.wrong())).isEqualTo(wrongBefore);
            assertThat(ConfirmDialogKt._getText(view.panel.confirmation)).contains("«Corretta»").contains("1 feedback confermati")
                    .contains("1 ribaltati");
            ConfirmDialogKt._fireConfirm(view.panel.confirmation);

            // §3: P = 0.30 × (upheld + 1) / (resolved + 2): 0.15 before any judgement, 0.20 upheld, 0.10 overturned.
            assertThat(trustOf(judged.wrong())).isEqualTo(Math.round((wrongBefore - 0.15 + 0.10) * 10_000) / 10_000.0);
            assertThat(trustOf(judged.right())).isEqualTo(Math.round((rightBefore - 0.15 + 0.20) * 10_000) / 10_000.0);
            assertThat(jdbc.queryForObject("select review_verdict::text from expert_feedback where id = ?", String.class,
                    judged.wrongFeedback())).isEqualTo("overturned");
            assertThat(jdbc.queryForObject("select review_comment from expert_feedback where id = ?", String.class,
                    judged.wrongFeedback())).contains("tabella A");
            assertThat(GridKt._findAll(view.grid)).extracting(Disagreement::requestId).doesNotContain(judged.requestId());
            assertThat(view.panel.shown()).isNull();
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("inbox/disagreements");
        }
        Map<String, Object> settlement = jdbc.queryForMap(
                "select standing_verdict, settled_by, settled_at from review_settlement where request_id = ?", judged.requestId());
        assertThat(settlement.get("standing_verdict")).isEqualTo("correct");
        assertThat(settlement.get("settled_by")).isEqualTo(reviewer.id());
        assertThat(settlement.get("settled_at")).isNotNull();
        Map<String, Object> audit = jdbc.queryForMap("""
                select actor_user_id, after_state::text as after from audit_log
                where entity_type = 'review_request' and entity_id = ? and action = 'settled'""",
                judged.requestId().toString());
        assertThat(audit.get("actor_user_id")).isEqualTo(reviewer.id());
        assertThat((String) audit.get("after")).contains("\"standing_verdict\": \"correct\"")
                .contains(judged.rightFeedback().toString()).contains(judged.wrongFeedback().toString());
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_log where entity_type = 'expert_feedback' and entity_id in (?, ?)
                and action in ('upheld', 'overturned')""", Long.class,
                judged.rightFeedback().toString(), judged.wrongFeedback().toString())).isEqualTo(2L);

        // Settled once: a second settlement is refused and judges nothing again.
        try (SignedIn other = SignedIn.as(users.create("REVIEWER"), Role.REVIEWER)) {
            assertThatThrownBy(() -> inbox.settle(judged.requestId(), "incorrect", null))
                    .isInstanceOf(SettlementConflict.class);
        }
    }

    @Test
    void a_reviewer_who_gave_one_of_the_verdicts_cannot_settle_and_nothing_is_judged() {
        Judged judged = disagreement();
        try (SignedIn self = SignedIn.as(judged.right(), Role.REVIEWER)) {
            assertThatThrownBy(() -> inbox.settle(judged.requestId(), "correct", null))
                    .isInstanceOf(it.expertfeedback.base.validation.NotAllowedException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from expert_feedback where id in (?, ?) and review_verdict is not null",
                Long.class, judged.rightFeedback(), judged.wrongFeedback())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from review_settlement where request_id = ?", Long.class,
                judged.requestId())).isZero();
        try (SignedIn reviewer = SignedIn.as(users.create("REVIEWER"), Role.REVIEWER)) {
            assertThat(inbox.disagreement(judged.requestId())).isPresent();
        }
    }

    @Test
    void an_expert_cannot_open_the_disagreements() {
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, users.createVerifiedExpert())) {
            assertThatThrownBy(() -> ui.navigate("inbox/disagreements")).isInstanceOf(MockAccessDeniedException.class);
        }
    }
}
