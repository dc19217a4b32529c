package it.expertfeedback.inbox.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.feedback.FeedbackCategory;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.feedback.FeedbackType;
import it.expertfeedback.inbox.ClaimedRequest;
import it.expertfeedback.inbox.ContextTurn;
import it.expertfeedback.inbox.InboxService;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
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

    final RadioButtonGroup<FeedbackType> verdict = new RadioButtonGroup<>();
    final Select<FeedbackCategory> category = new Select<>();
    final TextArea expertAnswer = new TextArea();
    final TextArea details = new TextArea();
    final TextArea references = new TextArea();
    final NumberField confidence = new NumberField();
    final TextField faqCategory = new TextField();
    final Button submitNext = new Button();
    final Button submit = new Button();
    final Button skip = new Button();
    final Button release = new Button();
    private final FieldErrors errors = new FieldErrors(this);
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
        HorizontalLayout columns = new HorizontalLayout(readOnlyPane(), verdictPane());
        columns.setWidthFull();
        columns.setFlexGrow(1, columns.getComponentAt(0), columns.getComponentAt(1));
        add(new H2(getTranslation("inbox.review")), columns);
    }

    private VerticalLayout readOnlyPane() {
        VerticalLayout pane = new VerticalLayout();
        pane.setPadding(false);
        pane.add(section("inbox.question", claimed.queryText(), "review-question"));
        pane.add(section("inbox.answer", claimed.originalAnswer(), "review-answer"));
        if (!claimed.context().isEmpty()) {
            Div context = new Div();
            context.setId("review-context");
            for (ContextTurn turn : claimed.context()) {
                Paragraph line = new Paragraph(getTranslation("inbox.role." + turn.role()) + ": " + turn.text());
                line.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
                context.add(line);
            }
            pane.add(new H3(getTranslation("inbox.context")), context);
        }
        Span meta = new Span(getTranslation("inbox.meta", claimed.topic() == null ? "—" : claimed.topic(),
                String.join(", ", claimed.tags()), claimed.model() == null ? "—" : claimed.model()));
        meta.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        pane.add(meta);
        return pane;
    }

    private Div section(String titleKey, String text, String id) {
        Div body = new Div(text);
        body.setId(id);
        body.getStyle().set("white-space", "pre-wrap");
        body.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM);
        return new Div(new H3(getTranslation(titleKey)), body);
    }

    private VerticalLayout verdictPane() {
        FormLayout form = new FormLayout(verdict, category, expertAnswer, details, references, confidence, faqCategory);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        HorizontalLayout actions = new HorizontalLayout(submitNext, submit, skip, release);
        VerticalLayout pane = new VerticalLayout(form, actions);
        pane.setPadding(false);
        return pane;
    }

    private void buildFields() {
        verdict.setLabel(getTranslation("feedback.verdict"));
        verdict.setItems(FeedbackType.values());
        verdict.setItemLabelGenerator(type -> getTranslation(type.labelKey()));
        verdict.setId("review-verdict");
        category.setLabel(getTranslation("feedback.category"));
        category.setItems(FeedbackCategory.values());
        category.setEmptySelectionAllowed(true);
        category.setItemLabelGenerator(c -> c == null ? getTranslation("feedback.category.none") : getTranslation(c.labelKey()));
        category.setId("review-category");
        expertAnswer.setLabel(getTranslation("feedback.expert-answer"));
        expertAnswer.setId("review-expert-answer");
        details.setLabel(getTranslation("feedback.details"));
        details.setId("review-details");
        references.setLabel(getTranslation("feedback.references"));
        references.setHelperText(getTranslation("feedback.one-per-line"));
        references.setId("review-references");
        confidence.setLabel(getTranslation("feedback.confidence"));
        confidence.setMin(0);
        confidence.setMax(1);
        confidence.setStep(0.05);
        confidence.setStepButtonsVisible(true);
        confidence.setRequiredIndicatorVisible(true);
        confidence.setId("review-confidence");
        faqCategory.setLabel(getTranslation("feedback.faq-category"));
        faqCategory.setId("review-faq-category");
        errors.bind("category", category).bind("expert_answer", expertAnswer).bind("additional_details", details)
                .bind("regulatory_references", references).bind("confidence_score", confidence)
                .bind("suggested_category", faqCategory);
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
        FeedbackType type = verdict.getValue();
        // The typed time is never asked: 1 only satisfies the rule, the server's measure replaces it (§8).
        FeedbackSubmission submission = new FeedbackSubmission(claimed.queryId(), type == null ? null : type.code(),
                category.getValue() == null ? null : category.getValue().code(), claimed.queryText(),
                claimed.originalAnswer(), expertAnswer.getValue(), List.of(), references.getValue().lines().toList(),
                confidence.getValue(), 1, null, details.getValue(), faqCategory.getValue());
        UiErrors.Outcome outcome = UiErrors.run(this, problems -> {
            verdict.setInvalid(problems.containsKey("feedback_type"));
            verdict.setErrorMessage(problems.containsKey("feedback_type") ? getTranslation("feedback.verdict.required") : null);
            java.util.Map<String, it.expertfeedback.base.validation.FieldProblem> rest = new java.util.LinkedHashMap<>(problems);
            rest.remove("feedback_type");
            return errors.show(rest);
        }, () -> feedback.submit(submission));
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
