package it.expertfeedback.feedback.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.expert.ExpertProfile;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.feedback.SubmissionResult;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The expert's verdict on one AI answer: a {@link FeedbackForm} and its send button. Everything is checked by the
 * service (the same rules as the REST API); its messages land on the fields and nothing typed is lost.
 * Ctrl+Enter sends.
 */
@Route("feedback/new")
@RolesAllowed(AppRoles.EXPERT)
@Menu(order = 15, title = "nav.feedback-new", icon = "vaadin:edit")
public class FeedbackFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    FeedbackForm form;
    final Button submit = new Button();
    private final transient FeedbackService feedback;
    private final transient ExpertService experts;
    private final transient Clock clock;
    private Instant openedAt;

    FeedbackFormView(FeedbackService feedback, ExpertService experts, Clock clock) {
        this.feedback = feedback;
        this.experts = experts;
        this.clock = clock;
        setMaxWidth("70rem");
        submit.setText(getTranslation("feedback.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).resetFocusOnActiveElement();
        submit.setTooltipText("Ctrl+Invio");
        submit.setId("feedback-submit");
        submit.addClickListener(click -> send());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H2(getTranslation("nav.feedback-new")));
        Optional<ExpertProfile> profile = experts.findProfileOfCurrentUser();
        if (profile.isEmpty() || !profile.get().maySubmitFeedback()) {
            Paragraph notice = new Paragraph(getTranslation("feedback.error.not-allowed"));
            notice.setId("feedback-not-allowed");
            add(notice);
            return;
        }
        String fromLink = event.getLocation().getQueryParameters().getSingleParameter("query_id").orElse("");
        form = new FeedbackForm(parsesAsUuid(fromLink) ? fromLink : UUID.randomUUID().toString());
        form.setWidthFull();
        openedAt = clock.instant();
        add(form, submit);
    }

    private void send() {
        form.clearProblems();
        int measured = (int) Math.max(1, Duration.between(openedAt, clock.instant()).toSeconds());
        FeedbackSubmission submission = form.submission(measured);
        SubmissionResult[] result = new SubmissionResult[1];
        UiErrors.Outcome outcome = UiErrors.run(this, form::showProblems, () -> result[0] = feedback.submit(submission));
        if (outcome == UiErrors.Outcome.DONE) {
            showConfirmation(result[0]);
        } else if (outcome == UiErrors.Outcome.INVALID) {
            Notifications.error(getTranslation("feedback.fix-fields"));
        }
    }

    private void showConfirmation(SubmissionResult result) {
        removeAll();
        VerticalLayout confirmation = new VerticalLayout();
        confirmation.setId("feedback-confirmation");
        confirmation.add(new H2(getTranslation("feedback.sent")));
        Paragraph trust = new Paragraph(getTranslation("feedback.sent.trust", Formats.score(result.expertTrustScore(), getLocale())));
        trust.setId("feedback-confirmation-trust");
        confirmation.add(trust);
        // Exactly what happened to the candidate: published by the rule, merged (how often asked), or new and pending.
        Paragraph candidate = new Paragraph(result.candidateId() == null ? getTranslation("feedback.sent.no-candidate")
                : "approved".equals(result.candidateStatus()) ? getTranslation("feedback.sent.candidate-auto-approved", result.candidateId().toString())
                : result.candidateCreated() ? getTranslation("feedback.sent.candidate-created", result.candidateId().toString())
                : getTranslation("feedback.sent.candidate-merged", result.candidateFrequency()));
        candidate.setId("feedback-confirmation-candidate");
        confirmation.add(candidate);
        Button another = new Button(getTranslation("feedback.another"), click -> getUI().ifPresent(ui -> ui.navigate(FeedbackFormView.class)));
        another.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        another.setId("feedback-another");
        Button mine = new Button(getTranslation("nav.my-feedback"), click -> getUI().ifPresent(ui -> ui.navigate(MyFeedbackView.class)));
        mine.setId("feedback-go-mine");
        confirmation.add(new HorizontalLayout(another, mine));
        add(confirmation);
        another.focus();
    }

    private static boolean parsesAsUuid(String text) {
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.feedback-new");
    }
}
