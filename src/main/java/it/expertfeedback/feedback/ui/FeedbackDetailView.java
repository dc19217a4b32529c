package it.expertfeedback.feedback.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import it.expertfeedback.base.api.NotFoundException;
import it.expertfeedback.base.ui.DiffView;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.base.ui.ItemStepper;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.feedback.ExpertFeedback;
import it.expertfeedback.feedback.FeedbackDetails;
import it.expertfeedback.feedback.FeedbackNeighbours;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.ReviewVerdict;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.UUID;

/**
 * One feedback: question, AI answer, the expert's correction and what it changed, suggestions, references, the
 * expert and their trust at the time. Reviewers uphold or overturn it (never their own) and mark the
 * improvement applied; the expert who wrote it reads it.
 */
@Route("feedback/detail")
@RolesAllowed({AppRoles.EXPERT, AppRoles.REVIEWER, AppRoles.ADMIN})
public class FeedbackDetailView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final transient FeedbackService feedback;
    private final boolean reviewer;
    private UUID feedbackId;
    final ItemStepper stepper = new ItemStepper("feedback-detail", "common.previous", "common.next", () -> step(true), () -> step(false));
    private FeedbackListContext context; // the list the detail was opened from, if any: what previous / next walk
    private FeedbackNeighbours neighbours = FeedbackNeighbours.NONE;

    FeedbackDetailView(FeedbackService feedback, AuthenticationContext authentication) {
        this.feedback = feedback;
        this.reviewer = authentication.hasAnyRole(AppRoles.REVIEWER, AppRoles.ADMIN);
        setMaxWidth("70rem");
        stepper.listenOn(this);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        context = FeedbackListContext.of(event.getLocation().getQueryParameters())
                .filter(c -> reviewer || c.kind() == FeedbackListContext.Kind.mine).orElse(null);
        try {
            feedbackId = UUID.fromString(parameter);
            show(feedback.getDetails(feedbackId));
        } catch (IllegalArgumentException | NotFoundException unknown) {
            removeAll();
            add(new H2(getTranslation("feedback.not-found")));
        }
    }

    /** Shows the neighbour in the list the detail came from; the address follows, so a reload keeps it. */
    private void step(boolean previous) {
        Optional<UUID> target = context == null ? Optional.empty() : previous ? neighbours.previousId() : neighbours.nextId();
        target.ifPresent(id -> {
            feedbackId = id;
            show(feedback.getDetails(id));
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                    new Location("feedback/detail/" + id, context.parameters())));
        });
    }

    private void show(FeedbackDetails details) {
        removeAll();
        if (context != null) {
            neighbours = context.kind() == FeedbackListContext.Kind.mine ? feedback.myNeighbours(context.filter().type(), feedbackId)
                    : feedback.neighbours(context.filter(), context.oldestFirst(), feedbackId);
            stepper.ends(neighbours.previous() != null, neighbours.next() != null);
            add(stepper);
        } else {
            stepper.ends(false, false); // opened from elsewhere (a link): no list to walk, the keys do nothing
        }
        ExpertFeedback f = details.feedback();
        H2 title = new H2(getTranslation(f.getFeedbackType() == null ? "feedback.type.unknown" : f.getFeedbackType().labelKey())
                + (f.getCategory() != null ? " · " + getTranslation(f.getCategory().labelKey())
                : f.getCategoryCode() != null ? " · " + getTranslation("feedback.type.unknown") : "")
                + (f.isSuperseded() ? " · " + getTranslation("feedback.superseded") : ""));
        title.setId("feedback-detail-title");
        add(title);

        FormLayout facts = new FormLayout();
        facts.addFormItem(DetailBlocks.value("feedback-detail-expert", details.expertName()), getTranslation("feedback.expert"));
        facts.addFormItem(DetailBlocks.value("feedback-detail-trust", f.getExpertTrustScore() == null ? null
                : Formats.score(f.getExpertTrustScore(), getLocale())), getTranslation("feedback.trust-at-time"));
        facts.addFormItem(DetailBlocks.value("feedback-detail-when", Formats.dateTime(f.getFeedbackTimestamp(), getLocale())), getTranslation("feedback.when"));
        facts.addFormItem(DetailBlocks.value("feedback-detail-confidence", Formats.decimal(f.getConfidenceScore(), 2, getLocale())), getTranslation("feedback.confidence"));
        facts.addFormItem(DetailBlocks.value("feedback-detail-time", getTranslation("expert.seconds", f.getTimeSpentSeconds())), getTranslation("feedback.time-spent"));
        facts.addFormItem(DetailBlocks.value("feedback-detail-complexity", f.getComplexityRating() == null ? null
                : getTranslation("feedback.complexity." + f.getComplexityRating())), getTranslation("feedback.complexity"));
        facts.addFormItem(DetailBlocks.value("feedback-detail-review", f.getReviewVerdict() == null ? getTranslation("feedback.review.none")
                : getTranslation(f.getReviewVerdict().labelKey())), getTranslation("feedback.review"));
        if (f.getReviewComment() != null) {
            facts.addFormItem(DetailBlocks.value("feedback-detail-review-comment", f.getReviewComment()), getTranslation("feedback.review-comment"));
        }
        facts.addFormItem(DetailBlocks.value("feedback-detail-candidate", details.candidate()
                .map(c -> getTranslation("feedback.candidate." + c.approvalStatus().code(), c.frequency())).orElse(null)),
                getTranslation("feedback.candidate"));
        add(facts);

        if (reviewer && !details.ownedByCaller()) {
            add(reviewActions(f));
        }
        add(DetailBlocks.section(this, "feedback.query-text", f.getQueryText(), "feedback-detail-question"),
                DetailBlocks.section(this, "feedback.original-answer", f.getOriginalAnswer(), "feedback-detail-original"));
        if (f.getExpertAnswer() != null) {
            add(DetailBlocks.section(this, "feedback.expert-answer", f.getExpertAnswer(), "feedback-detail-correction"));
            DiffView diff = new DiffView();
            diff.setId("feedback-detail-diff");
            diff.show(f.getOriginalAnswer(), f.getExpertAnswer());
            add(new H3(getTranslation("feedback.diff")), diff);
        }
        if (f.getAdditionalDetails() != null) {
            add(DetailBlocks.section(this, "feedback.details", f.getAdditionalDetails(), "feedback-detail-details"));
        }
        add(DetailBlocks.list(this, "feedback.suggestions", f.getImprovementSuggestions(), "feedback-detail-suggestions"),
                DetailBlocks.list(this, "feedback.references", f.getRegulatoryReferences(), "feedback-detail-references"));
    }

    private TextField reviewComment;

    private HorizontalLayout reviewActions(ExpertFeedback f) {
        TextField comment = new TextField(getTranslation("feedback.review-comment"));
        comment.setMaxLength(2_000);
        comment.setValue(f.getReviewComment() == null ? "" : f.getReviewComment());
        comment.setId("feedback-review-comment");
        reviewComment = comment;
        Button uphold = new Button(getTranslation("feedback.uphold"), click -> judge(ReviewVerdict.upheld));
        uphold.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        uphold.setId("feedback-uphold");
        uphold.setEnabled(f.getReviewVerdict() != ReviewVerdict.upheld);
        Button overturn = new Button(getTranslation("feedback.overturn"), click -> judge(ReviewVerdict.overturned));
        overturn.addThemeVariants(ButtonVariant.LUMO_ERROR);
        overturn.setId("feedback-overturn");
        overturn.setEnabled(f.getReviewVerdict() != ReviewVerdict.overturned);
        Checkbox applied = new Checkbox(getTranslation("feedback.improvement-applied"), f.isImprovementApplied());
        applied.setId("feedback-improvement-applied");
        applied.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                feedback.setImprovementApplied(feedbackId, e.getValue());
                Notifications.success(getTranslation("common.saved"));
            }
        });
        HorizontalLayout actions = new HorizontalLayout(comment, uphold, overturn, applied);
        actions.setAlignItems(Alignment.BASELINE);
        return actions;
    }

    private void judge(ReviewVerdict verdict) {
        if (UiErrors.run(this, () -> feedback.judge(feedbackId, verdict,
                reviewComment == null ? null : reviewComment.getValue())) == UiErrors.Outcome.DONE) {
            Notifications.success(getTranslation("feedback.judged." + verdict.name()));
        }
        show(feedback.getDetails(feedbackId));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("feedback.detail");
    }
}
