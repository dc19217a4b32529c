package it.expertfeedback.inbox.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.inbox.ClaimedRequest;
import it.expertfeedback.inbox.InboxService;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.UUID;

/**
 * One claimed request: question, answer and context read-only on the left, the verdict on the right. The time spent
 * is the server's (claim to submit), so there is no field for it. The lease is renewed while the page is open.
 * Blind: nothing here tells what other experts said on the same request.
 */
@Route("inbox/review")
@RolesAllowed(AppRoles.EXPERT)
public class ReviewView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    /** The lease is renewed this often while the form is open (well within the 30 minutes). */
    static final int RENEW_EVERY_MS = 5 * 60 * 1000;

    final ReviewVerdictForm form = new ReviewVerdictForm();
    final Button submitNext = new Button();
    final Button submit = new Button();
    final Button skip = new Button();
    final Button release = new Button();
    private final transient InboxService inbox;
    private final transient FeedbackService feedback;
    private ClaimedRequest claimed;
    private com.vaadin.flow.shared.Registration renewal;

    ReviewView(InboxService inbox, FeedbackService feedback) {
        this.inbox = inbox;
        this.feedback = feedback;
        setWidthFull();
        buildFields();
    }

    @Override
    public void setParameter(BeforeEvent event, String requestId) {
        removeAll();
        Optional<ClaimedRequest> mine = parse(requestId).flatMap(id -> inbox.myClaims().stream()
                .filter(c -> c.requestId().equals(id)).findFirst());
        if (mine.isEmpty()) {
            Paragraph gone = new Paragraph(getTranslation("inbox.not-held"));
            gone.setId("review-not-held");
            add(new H2(getTranslation("inbox.review")), gone);
            return;
        }
        claimed = mine.get();
        HorizontalLayout columns = new HorizontalLayout(new ClaimedRequestPanel(claimed), verdictPane());
        columns.setWidthFull();
        columns.setFlexGrow(1, columns.getComponentAt(0), columns.getComponentAt(1));
        add(new H2(getTranslation("inbox.review")), columns);
    }

    private VerticalLayout verdictPane() {
        HorizontalLayout actions = new HorizontalLayout(submitNext, submit, skip, release);
        VerticalLayout pane = new VerticalLayout(form, actions);
        pane.setPadding(false);
        return pane;
    }

    private void buildFields() {
        submitNext.setText(getTranslation("inbox.submit-next"));
        submitNext.setId("review-submit-next");
        submitNext.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submitNext.addClickListener(click -> send(true));
        submit.setText(getTranslation("feedback.submit"));
        submit.setId("review-submit");
        submit.addClickListener(click -> send(false));
        skip.setText(getTranslation("inbox.skip"));
        skip.setId("review-skip");
        skip.addClickListener(click -> new SkipDialog(this::skipped).open());
        release.setText(getTranslation("inbox.release"));
        release.setId("review-release");
        release.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        release.addClickListener(click -> {
            if (UiErrors.run(this, () -> inbox.release(claimed.requestId())) == UiErrors.Outcome.DONE) {
                UI.getCurrent().navigate(InboxView.class);
            }
        });
    }

    private void send(boolean next) {
        FeedbackSubmission submission = form.submissionFor(claimed);
        UiErrors.Outcome outcome = UiErrors.run(this, form::show, () -> feedback.submit(submission));
        if (outcome == UiErrors.Outcome.DONE) {
            Notifications.success(getTranslation("feedback.sent"));
            if (next) {
                nextOrInbox();
            } else {
                UI.getCurrent().navigate(InboxView.class);
            }
        } else if (outcome == UiErrors.Outcome.INVALID) {
            Notifications.error(getTranslation("feedback.fix-fields"));
        }
    }

    private void skipped(String reason, String note) {
        if (UiErrors.run(this, () -> inbox.skip(claimed.requestId(), reason, note)) == UiErrors.Outcome.DONE) {
            nextOrInbox();
        }
    }

    private void nextOrInbox() {
        Optional<ClaimedRequest> next = inbox.claimNext();
        if (next.isPresent()) {
            UI.getCurrent().navigate(ReviewView.class, next.get().requestId().toString());
        } else {
            Notifications.success(getTranslation("inbox.empty"));
            UI.getCurrent().navigate(InboxView.class);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(RENEW_EVERY_MS);
        renewal = event.getUI().addPollListener(poll -> {
            if (claimed != null && isAttached()) {
                UiErrors.run(this, () -> inbox.renew(claimed.requestId()));
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (renewal != null) {
            renewal.remove();
        }
    }

    private static Optional<UUID> parse(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inbox.review");
    }
}
