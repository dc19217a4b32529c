package it.expertfeedback.inbox.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.feedback.FeedbackType;
import it.expertfeedback.inbox.ClaimedRequest;
import it.expertfeedback.inbox.ClaimingExperts;
import it.expertfeedback.inbox.InboxService;
import it.expertfeedback.inbox.MultiReview;
import it.expertfeedback.inbox.ReviewRequestDraft;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.BrowserlessUi;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The inbox's views without a browser: blind second review, verdicts side by side with kappa. */
@IntegrationTest
class InboxViewsTest {

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

    @Test
    void the_second_reviewer_sees_no_trace_of_the_first_verdict_and_reviewers_then_see_both_side_by_side() {
        String spec = "s-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = "t-" + UUID.randomUUID().toString().substring(0, 8);
        UUID queryId = UUID.randomUUID();
        String question = "Il credito IVA trimestrale di " + queryId.toString().substring(0, 6) + " euro è compensabile?";
        try (SignedIn admin = SignedIn.as(users.create("ADMIN"), Role.ADMIN)) {
            inbox.saveRoute(topic, List.of(spec));
            inbox.create(new ReviewRequestDraft(queryId, question, "Sì, senza limiti.", topic, List.of(), List.of(),
                    null, null, "sampled", 100, 2, null));
        }
        TestUsers.Created first = expert(spec);
        ClaimedRequest firstClaim = claim(first, queryId);
        UUID firstFeedback;
        try (SignedIn signedIn = SignedIn.as(first, Role.EXPERT)) {
            firstFeedback = feedback.submit(new FeedbackSubmission(queryId, "correct", null, firstClaim.queryText(),
                    firstClaim.originalAnswer(), null, List.of(), List.of(), 0.8, 60, null, null, null)).feedbackId();
        }
        TestUsers.Created second = expert(spec);
        ClaimedRequest secondClaim = claim(second, queryId);
        try (SignedIn signedIn = SignedIn.as(second, Role.EXPERT)) {
            inbox.release(secondClaim.requestId());
        }

        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, second)) {
            InboxView view = ui.navigate("inbox", InboxView.class);
            ButtonKt._click(view.start);
            ReviewView review = _get(ReviewView.class);
            assertThat(review.getElement().getOuterHTML()).contains(question.substring(0, 20))
                    .doesNotContain(firstFeedback.toString()).doesNotContain("Utente " + first.email().substring(5, 13));
            assertThat(review.form.verdict.getValue()).as("nothing pre-chosen").isNull();

            review.form.verdict.setValue(FeedbackType.incomplete);
            review.form.details.setValue("Manca il limite annuo di compensazione.");
            review.form.confidence.setValue(0.7);
            ButtonKt._click(review.submit);
            assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(InboxView.class);
        }

        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, users.create("REVIEWER"))) {
            InboxHealthView health = ui.navigate("inbox/health", InboxHealthView.class);
            MultiReview sideBySide = health.agreement.getListDataView().getItems()
                    .filter(m -> m.requestId().equals(firstClaim.requestId())).findFirst().orElseThrow();
            assertThat(sideBySide.verdicts()).containsExactly("correct", "incomplete");
            assertThat(sideBySide.unanimous()).isFalse();
            TopicAgreement byTopic = health.agreementByTopic.getListDataView().getItems()
                    .filter(t -> t.topic().equals(topic)).findFirst().orElseThrow();
            // One request, two different verdicts: P̄ = 0, P̄e = 0.5 → kappa = −1.
            assertThat(byTopic.unanimous()).isZero();
            assertThat(byTopic.kappa().getAsDouble()).isCloseTo(-1.0, within(1e-12));
            // Received vs judged today (newest day first) counts at least this request and its two reviews.
            var today = health.flow.getListDataView().getItems().findFirst().orElseThrow();
            assertThat(today.day()).isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Rome")));
            assertThat(today.received()).isPositive();
            assertThat(today.judged()).isGreaterThanOrEqualTo(2);
            assertThat(_get(it.expertfeedback.base.ui.Tile.class, tile -> tile.withId("health-first-verdict"))
                    .getElement().getTextRecursively()).doesNotContain("—");
        }
    }
}
