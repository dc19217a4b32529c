package it.expertfeedback.inbox.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import it.expertfeedback.base.ui.DecimalField;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.base.validation.FieldProblem;
import it.expertfeedback.feedback.FeedbackCategory;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.feedback.FeedbackType;
import it.expertfeedback.inbox.ClaimedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict on a claimed request. No time field: the server measures claim to submit (§8), and no confidence is
 * pre-filled. Field problems come back from the one §4 rule set and are shown on their fields.
 */
class ReviewVerdictForm extends Composite<FormLayout> {

    final RadioButtonGroup<FeedbackType> verdict = new RadioButtonGroup<>();
    final Select<FeedbackCategory> category = new Select<>();
    final TextArea expertAnswer = new TextArea();
    final TextArea details = new TextArea();
    final TextArea references = new TextArea();
    final DecimalField confidence = new DecimalField(); // 0,85 in Italian
    final TextField faqCategory = new TextField();
    private final FieldErrors errors;

    ReviewVerdictForm() {
        FormLayout form = getContent();
        form.add(verdict, category, expertAnswer, details, references, confidence, faqCategory);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
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
        confidence.setRequiredIndicatorVisible(true);
        confidence.setId("review-confidence");
        faqCategory.setLabel(getTranslation("feedback.faq-category"));
        faqCategory.setId("review-faq-category");
        errors = new FieldErrors(form);
        errors.bind("category", category).bind("expert_answer", expertAnswer).bind("additional_details", details)
                .bind("regulatory_references", references).bind("confidence_score", confidence)
                .bind("suggested_category", faqCategory);
    }

    /** What is on screen as a §4 submission for the claimed request (its question and answer, never retyped). */
    FeedbackSubmission submissionFor(ClaimedRequest claimed) {
        FeedbackType type = verdict.getValue();
        // The typed time is never asked: 1 only satisfies the rule, the server's measure replaces it (§8).
        return new FeedbackSubmission(claimed.queryId(), type == null ? null : type.code(),
                category.getValue() == null ? null : category.getValue().code(), claimed.queryText(),
                claimed.originalAnswer(), expertAnswer.getValue(), List.of(), references.getValue().lines().toList(),
                confidence.getValue(), 1, null, details.getValue(), faqCategory.getValue());
    }

    /** Shows the problems on their fields; what it returns is the message for those no field shows (FieldErrors). */
    String show(Map<String, FieldProblem> problems) {
        verdict.setInvalid(problems.containsKey("feedback_type"));
        verdict.setErrorMessage(problems.containsKey("feedback_type") ? getTranslation("feedback.verdict.required") : null);
        Map<String, FieldProblem> rest = new LinkedHashMap<>(problems);
        rest.remove("feedback_type");
        return errors.show(rest);
    }
}
