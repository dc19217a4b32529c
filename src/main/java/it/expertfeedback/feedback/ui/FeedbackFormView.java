package it.expertfeedback.feedback.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import it.expertfeedback.base.ui.DiffView;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.validation.ConflictException;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.base.validation.NotAllowedException;
import it.expertfeedback.expert.ExpertProfile;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.feedback.FeedbackCategory;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.feedback.FeedbackType;
import it.expertfeedback.feedback.SubmissionResult;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The expert's verdict on one AI answer. Everything is checked by the service (the same rules as the REST API);
 * its messages land on the fields and nothing typed is lost. Ctrl+Enter sends.
 */
@Route("feedback/new")
@RolesAllowed(AppRoles.EXPERT)
@Menu(order = 15, title = "nav.feedback-new", icon = "vaadin:edit")
public class FeedbackFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final List<String> FAQ_CATEGORIES = List.of("IVA", "Dichiarativi", "Lavoro", "Regime forfettario",
            "Redditi d'impresa", "Fatturazione elettronica", "Contabilità", "Successioni");

    final TextField queryId = new TextField();
    final TextArea queryText = new TextArea();
    final TextArea originalAnswer = new TextArea();
    final Map<FeedbackType, Button> verdictButtons = new EnumMap<>(FeedbackType.class);
    final Select<FeedbackCategory> category = new Select<>();
    final TextArea expertAnswer = new TextArea();
    final DiffView diff = new DiffView();
    final TextArea suggestions = new TextArea();
    final TextArea references = new TextArea();
    final NumberField confidence = new NumberField();
    final Select<Integer> complexity = new Select<>();
    final IntegerField timeSpent = new IntegerField();
    final TextArea additionalDetails = new TextArea();
    final ComboBox<String> faqCategory = new ComboBox<>();
    final Button submit = new Button();
    final NativeLabel verdictLabel = new NativeLabel();
    private final Span verdictError = new Span();
    private final FieldErrors errors = new FieldErrors(this);
    private final transient FeedbackService feedback;
    private final transient ExpertService experts;
    private final transient Clock clock;
    private FeedbackType verdict;
    private Instant openedAt;

    FeedbackFormView(FeedbackService feedback, ExpertService experts, Clock clock) {
        this.feedback = feedback;
        this.experts = experts;
        this.clock = clock;
        setMaxWidth("70rem");
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
        queryId.setValue(parsesAsUuid(fromLink) ? fromLink : UUID.randomUUID().toString());
        openedAt = clock.instant();
        buildForm();
    }

    private void buildForm() {
        queryId.setLabel(getTranslation("feedback.query-id"));
        queryId.setReadOnly(true);
        queryId.setWidthFull();
        queryId.setId("feedback-query-id");
        textArea(queryText, "feedback.query-text", "feedback-query-text", 2_000);
        queryText.setRequiredIndicatorVisible(true);
        textArea(originalAnswer, "feedback.original-answer", "feedback-original-answer", 20_000);
        originalAnswer.setRequiredIndicatorVisible(true);
        originalAnswer.setValueChangeMode(ValueChangeMode.LAZY);
        originalAnswer.addValueChangeListener(e -> refreshDiff());

        HorizontalLayout verdicts = new HorizontalLayout();
        verdicts.getElement().setAttribute("role", "group");
        for (FeedbackType type : FeedbackType.values()) {
            Button button = new Button(getTranslation(type.labelKey()), click -> chooseVerdict(type));
            button.setId("verdict-" + type.code());
            button.getElement().setAttribute("aria-pressed", "false");
            verdictButtons.put(type, button);
            verdicts.add(button);
        }
        verdictLabel.setText(getTranslation("feedback.verdict") + " *");
        verdictError.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        verdictError.setId("feedback-verdict-error");

        category.setLabel(getTranslation("feedback.category"));
        category.setItems(FeedbackCategory.values());
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("feedback.category.none"));
        category.setItemLabelGenerator(c -> c == null ? getTranslation("feedback.category.none") : getTranslation(c.labelKey()));
        category.setRenderer(new ComponentRenderer<>(c -> {
            Div item = new Div(new Span(getTranslation(c.labelKey())));
            Span description = new Span(" — " + getTranslation(c.descriptionKey()));
            description.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            item.add(description);
            return item;
        }));
        category.setId("feedback-category");

        textArea(expertAnswer, "feedback.expert-answer", "feedback-expert-answer", 20_000);
        expertAnswer.setHelperText(getTranslation("feedback.expert-answer.help"));
        expertAnswer.setValueChangeMode(ValueChangeMode.LAZY);
        expertAnswer.addValueChangeListener(e -> refreshDiff());
        diff.setId("feedback-diff");
        diff.setVisible(false);

        textArea(suggestions, "feedback.suggestions", "feedback-suggestions", 0);
        suggestions.setHelperText(getTranslation("feedback.one-per-line"));
        textArea(references, "feedback.references", "feedback-references", 0);
        references.setHelperText(getTranslation("feedback.references.help"));

        confidence.setLabel(getTranslation("feedback.confidence"));
        confidence.setMin(0);
        confidence.setMax(1);
        confidence.setStep(0.05);
        confidence.setStepButtonsVisible(true);
        confidence.setValue(0.8);
        confidence.setRequiredIndicatorVisible(true);
        confidence.setHelperText(getTranslation("feedback.confidence.help"));
        confidence.setId("feedback-confidence");
        complexity.setLabel(getTranslation("feedback.complexity"));
        complexity.setItems(1, 2, 3, 4, 5);
        complexity.setEmptySelectionAllowed(true);
        complexity.setItemLabelGenerator(level -> level == null ? "—" : getTranslation("feedback.complexity." + level));
        complexity.setId("feedback-complexity");
        timeSpent.setLabel(getTranslation("feedback.time-spent"));
        timeSpent.setPlaceholder(getTranslation("feedback.time-spent.auto"));
        timeSpent.setHelperText(getTranslation("feedback.time-spent.help"));
        timeSpent.setMin(1);
        timeSpent.setId("feedback-time-spent");
        textArea(additionalDetails, "feedback.details", "feedback-details", 2_000);
        additionalDetails.setHelperText(getTranslation("feedback.details.help"));
        faqCategory.setLabel(getTranslation("feedback.faq-category"));
        faqCategory.setItems(FAQ_CATEGORIES);
        faqCategory.setAllowCustomValue(true);
        faqCategory.addCustomValueSetListener(e -> faqCategory.setValue(e.getDetail()));
        faqCategory.setId("feedback-faq-category");

        errors.bind("query_id", queryId).bind("query_text", queryText).bind("original_answer", originalAnswer)
                .bind("category", category).bind("expert_answer", expertAnswer)
                .bind("improvement_suggestions", suggestions).bind("regulatory_references", references)
                .bind("confidence_score", confidence).bind("time_spent_seconds", timeSpent)
                .bind("complexity_rating", complexity).bind("additional_details", additionalDetails)
                .bind("suggested_category", faqCategory);

        submit.setText(getTranslation("feedback.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        submit.setTooltipText("Ctrl+Invio");
        submit.setId("feedback-submit");
        submit.addClickListener(click -> send());

        FormLayout numbers = new FormLayout(confidence, complexity, timeSpent, faqCategory);
        numbers.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
        add(queryId, queryText, originalAnswer, verdictLabel, verdicts, verdictError, category, expertAnswer,
                new H3(getTranslation("feedback.diff")), diff, additionalDetails, suggestions, references, numbers, submit);
    }

    private void textArea(TextArea area, String labelKey, String id, int maxLength) {
        area.setLabel(getTranslation(labelKey));
        area.setWidthFull();
        area.setMinHeight("5rem");
        if (maxLength > 0) {
            area.setMaxLength(maxLength);
        }
        area.setId(id);
    }

    void chooseVerdict(FeedbackType type) {
        verdict = type;
        verdictButtons.forEach((t, button) -> {
            boolean chosen = t == type;
            button.getElement().setAttribute("aria-pressed", String.valueOf(chosen));
            if (chosen) {
                button.addThemeVariants(t == FeedbackType.correct ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_ERROR,
                        ButtonVariant.LUMO_PRIMARY);
            } else {
                button.removeThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
            }
        });
        verdictError.setText("");
        additionalDetails.setRequiredIndicatorVisible(type != FeedbackType.correct);
    }

    private void refreshDiff() {
        boolean hasCorrection = !expertAnswer.getValue().isBlank();
        diff.setVisible(hasCorrection);
        if (hasCorrection) {
            diff.show(originalAnswer.getValue(), expertAnswer.getValue());
        }
    }

    private void send() {
        errors.clear();
        verdictError.setText("");
        int measured = (int) Math.max(1, Duration.between(openedAt, clock.instant()).toSeconds());
        FeedbackSubmission submission = new FeedbackSubmission(UUID.fromString(queryId.getValue()),
                verdict == null ? null : verdict.code(), category.getValue() == null ? null : category.getValue().code(),
                queryText.getValue(), originalAnswer.getValue(), expertAnswer.getValue(), lines(suggestions),
                lines(references), confidence.getValue(), timeSpent.getValue() != null ? timeSpent.getValue() : measured,
                complexity.getValue(), additionalDetails.getValue(), faqCategory.getValue());
        try {
            showConfirmation(feedback.submit(submission));
        } catch (InvalidInputException invalid) {
            if (invalid.problems().containsKey("feedback_type")) {
                verdictError.setText(getTranslation("feedback.verdict.required"));
            }
            var placed = new java.util.LinkedHashMap<>(invalid.problems());
            placed.remove("feedback_type");
            String unplaced = errors.show(placed);
            if (!unplaced.isEmpty()) {
                Notifications.error(unplaced);
            }
            Notifications.error(getTranslation("feedback.fix-fields"));
        } catch (ConflictException conflict) {
            Notifications.error(getTranslation(conflict.messageKey(), conflict.args()));
        } catch (NotAllowedException notAllowed) {
            Notifications.error(getTranslation(notAllowed.messageKey()));
        }
    }

    private static List<String> lines(TextArea area) {
        return area.getValue().lines().toList();
    }

    private void showConfirmation(SubmissionResult result) {
        removeAll();
        VerticalLayout confirmation = new VerticalLayout();
        confirmation.setId("feedback-confirmation");
        confirmation.add(new H2(getTranslation("feedback.sent")));
        Paragraph trust = new Paragraph(getTranslation("feedback.sent.trust", Formats.score(result.expertTrustScore(), getLocale())));
        trust.setId("feedback-confirmation-trust");
        confirmation.add(trust);
        Paragraph candidate = new Paragraph(result.candidateId() == null ? getTranslation("feedback.sent.no-candidate")
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
