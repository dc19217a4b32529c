package it.expertfeedback.feedback.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.base.ui.DecimalField;
import it.expertfeedback.base.ui.DiffPanel;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.base.validation.FieldProblem;
import it.expertfeedback.feedback.FeedbackCategory;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.feedback.FeedbackType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fields of one verdict on an AI answer, in one column: what was asked and answered, the verdict, the
 * correction with its diff, and the numbers. It builds the {@link FeedbackSubmission} and shows the service's
 * field problems (keyed by REST field name) on its fields; it checks nothing itself.
 */
class FeedbackForm extends Composite<FormLayout> implements HasSize {

    static final List<String> FAQ_CATEGORIES = List.of("IVA", "Dichiarativi", "Lavoro", "Regime forfettario",
            "Redditi d'impresa", "Fatturazione elettronica", "Contabilità", "Successioni");

    final TextField queryId = new TextField();
    final TextArea queryText = new TextArea();
    final TextArea originalAnswer = new TextArea();
    final VerdictPicker verdict = new VerdictPicker(this::verdictChosen);
    final Select<FeedbackCategory> category = new Select<>();
    final TextArea expertAnswer = new TextArea();
    final DiffPanel diff = new DiffPanel("feedback.diff", "feedback-diff");
    final TextArea suggestions = new TextArea();
    final TextArea references = new TextArea();
    final DecimalField confidence = new DecimalField(); // 0,85 in Italian, not 0.85
    final Select<Integer> complexity = new Select<>();
    final IntegerField timeSpent = new IntegerField();
    final TextArea additionalDetails = new TextArea();
    final ComboBox<String> faqCategory = new ComboBox<>();
    private final FieldErrors errors = new FieldErrors(this);

    FeedbackForm(String queryIdValue) {
        queryId.setLabel(getTranslation("feedback.query-id"));
        queryId.setReadOnly(true);
        queryId.setId("feedback-query-id");
        queryId.setValue(queryIdValue);
        textArea(queryText, "feedback.query-text", "feedback-query-text", 2_000);
        queryText.setRequiredIndicatorVisible(true);
        textArea(originalAnswer, "feedback.original-answer", "feedback-original-answer", 20_000);
        originalAnswer.setRequiredIndicatorVisible(true);
        originalAnswer.addValueChangeListener(e -> diff.refresh(originalAnswer.getValue(), expertAnswer.getValue()));
        categoryPicker();
        textArea(expertAnswer, "feedback.expert-answer", "feedback-expert-answer", 20_000);
        expertAnswer.setHelperText(getTranslation("feedback.expert-answer.help"));
        expertAnswer.addValueChangeListener(e -> diff.refresh(originalAnswer.getValue(), expertAnswer.getValue()));
        textArea(suggestions, "feedback.suggestions", "feedback-suggestions", 0);
        suggestions.setHelperText(getTranslation("feedback.one-per-line"));
        textArea(references, "feedback.references", "feedback-references", 0);
        references.setHelperText(getTranslation("feedback.references.help"));
        textArea(additionalDetails, "feedback.details", "feedback-details", 2_000);
        additionalDetails.setHelperText(getTranslation("feedback.details.help"));

        errors.bind("query_id", queryId).bind("query_text", queryText).bind("original_answer", originalAnswer)
                .bind("category", category).bind("expert_answer", expertAnswer)
                .bind("improvement_suggestions", suggestions).bind("regulatory_references", references)
                .bind("confidence_score", confidence).bind("time_spent_seconds", timeSpent)
                .bind("complexity_rating", complexity).bind("additional_details", additionalDetails)
                .bind("suggested_category", faqCategory);
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        getContent().add(queryId, queryText, originalAnswer, verdict, category, expertAnswer, diff, additionalDetails,
                suggestions, references, numbers());
    }

    private void categoryPicker() {
        category.setLabel(getTranslation("feedback.category"));
        category.setItems(FeedbackCategory.values());
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("feedback.category.none"));
        category.setItemLabelGenerator(c -> c == null ? getTranslation("feedback.category.none") : getTranslation(c.labelKey()));
        category.setRenderer(new ComponentRenderer<>(c -> {
            Span description = new Span(" — " + getTranslation(c.descriptionKey()));
            description.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            return new Div(new Span(getTranslation(c.labelKey())), description);
        }));
        category.setId("feedback-category");
    }

    private FormLayout numbers() {
        confidence.setLabel(getTranslation("feedback.confidence"));
        // No pre-filled value (DOMAIN.md §4): a default at the auto-approval threshold published unread answers.
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
        timeSpent.setMax(86_400);
        timeSpent.setId("feedback-time-spent");
        faqCategory.setLabel(getTranslation("feedback.faq-category"));
        faqCategory.setItems(FAQ_CATEGORIES);
        faqCategory.setAllowCustomValue(true);
        faqCategory.addCustomValueSetListener(e -> faqCategory.setValue(e.getDetail()));
        faqCategory.setId("feedback-faq-category");
        FormLayout numbers = new FormLayout(confidence, complexity, timeSpent, faqCategory);
        numbers.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
        return numbers;
    }

    private void textArea(TextArea area, String labelKey, String id, int maxLength) {
        area.setLabel(getTranslation(labelKey));
        area.setMinHeight("5rem");
        if (maxLength > 0) {
            area.setMaxLength(maxLength);
        }
        area.setId(id);
        // Ctrl+Enter submits: the text on screen must have reached the server before the shortcut's click does.
        area.setValueChangeMode(ValueChangeMode.EAGER);
    }

    void chooseVerdict(FeedbackType type) {
        verdict.choose(type);
        verdictChosen(type);
    }

    private void verdictChosen(FeedbackType type) {
        additionalDetails.setRequiredIndicatorVisible(type != FeedbackType.correct);
    }

    /** What the expert entered; the time spent falls back to what the page measured. */
    FeedbackSubmission submission(int measuredSeconds) {
        FeedbackType chosen = verdict.value();
        return new FeedbackSubmission(UUID.fromString(queryId.getValue()), chosen == null ? null : chosen.code(),
                category.getValue() == null ? null : category.getValue().code(), queryText.getValue(),
                originalAnswer.getValue(), expertAnswer.getValue(), lines(suggestions), lines(references),
                confidence.getValue(), timeSpent.getValue() != null ? timeSpent.getValue() : Math.min(measuredSeconds, 86_400),
                complexity.getValue(), additionalDetails.getValue(), faqCategory.getValue());
    }

    /** The service's problems on the fields (the verdict's next to its buttons); returns what no field shows. */
    String showProblems(Map<String, FieldProblem> problems) {
        verdict.showMissing(problems.containsKey("feedback_type"));
        Map<String, FieldProblem> onFields = new LinkedHashMap<>(problems);
        onFields.remove("feedback_type");
        return errors.show(onFields);
    }

    void clearProblems() {
        errors.clear();
        verdict.showMissing(false);
    }

    private static List<String> lines(TextArea area) {
        return area.getValue().lines().toList();
    }
}
