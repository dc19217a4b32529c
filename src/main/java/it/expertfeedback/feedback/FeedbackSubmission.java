package it.expertfeedback.feedback;

import static it.expertfeedback.base.validation.TextRules.clean;
import static it.expertfeedback.base.validation.TextRules.storable;
import static it.expertfeedback.base.validation.TextRules.storableItems;

import it.expertfeedback.base.validation.FieldProblem;
import it.expertfeedback.base.validation.TextRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One feedback as submitted through the form or the REST API, and the one rule set of DOMAIN.md §4 for it.
 * Codes arrive as text so a wrong code ("Correct") is a field problem, not a parsing failure. Problem keys are
 * the REST field names.
 */
public record FeedbackSubmission(UUID queryId, String feedbackType, String category, String queryText,
                                 String originalAnswer, String expertAnswer, List<String> improvementSuggestions,
                                 List<String> regulatoryReferences, Double confidenceScore, Integer timeSpentSeconds,
                                 Integer complexityRating, String additionalDetails, String suggestedCategory) {

    static final int QUERY_TEXT_MAX = 2_000;
    static final int ANSWER_MAX = 20_000;
    static final int LIST_MAX_ITEMS = 20;
    static final int LIST_ITEM_MAX = 500;
    static final int DETAILS_MAX = 2_000;
    static final int SUGGESTED_CATEGORY_MAX = 100;
    /** A day: more is not time spent on one answer, and it would skew the responsiveness part of trust (§3). */
    static final int TIME_SPENT_MAX = 86_400;

    /** Lists without blank items; texts as given (their length is checked as typed). */
    public FeedbackSubmission normalized() {
        return new FeedbackSubmission(queryId, feedbackType, blankToNull(category), queryText, originalAnswer,
                blankToNull(expertAnswer), withoutBlanks(improvementSuggestions), withoutBlanks(regulatoryReferences),
                confidenceScore, timeSpentSeconds, complexityRating, blankToNull(additionalDetails),
                clean(suggestedCategory));
    }

    public FeedbackType type() {
        return FeedbackType.fromCode(feedbackType).orElseThrow();
    }

    public FeedbackCategory categoryOrNull() {
        return category == null ? null : FeedbackCategory.fromCode(category).orElseThrow();
    }

    /** Every violation of §4, field by field; empty when the submission may be stored. */
    public Map<String, FieldProblem> problems() {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        if (queryId == null) {
            problems.put("query_id", FieldProblem.of("validation.required"));
        }
        if (feedbackType == null || feedbackType.isBlank()) {
            problems.put("feedback_type", FieldProblem.of("validation.required"));
        } else if (FeedbackType.fromCode(feedbackType).isEmpty()) {
            problems.put("feedback_type", FieldProblem.of("validation.one-of", "correct, incomplete, incorrect"));
        }
        if (category != null && FeedbackCategory.fromCode(category).isEmpty()) {
            problems.put("category", FieldProblem.of("validation.one-of",
                    "normativa_obsoleta, interpretazione_errata, caso_mancante, calcolo_sbagliato, troppo_generico"));
        } else if (category != null && "correct".equals(feedbackType)) {
            problems.put("category", FieldProblem.of("feedback.error.category-needs-error"));
        }
        if (queryText == null || queryText.isBlank()) {
            problems.put("query_text", FieldProblem.of("validation.required"));
        } else if (queryText.length() > QUERY_TEXT_MAX) {
            problems.put("query_text", FieldProblem.of("validation.max-length", QUERY_TEXT_MAX));
        } else if (isPlaceholder(queryText)) {
            problems.put("query_text", FieldProblem.of("feedback.error.placeholder"));
        }
        if (originalAnswer == null || originalAnswer.isBlank()) {
            problems.put("original_answer", FieldProblem.of("validation.required"));
        } else if (originalAnswer.length() > ANSWER_MAX) {
            problems.put("original_answer", FieldProblem.of("validation.max-length", ANSWER_MAX));
        }
        if (expertAnswer != null && expertAnswer.length() > ANSWER_MAX) {
            problems.put("expert_answer", FieldProblem.of("validation.max-length", ANSWER_MAX));
        }
        listRule(problems, "improvement_suggestions", improvementSuggestions);
        listRule(problems, "regulatory_references", regulatoryReferences);
        if (confidenceScore == null) {
            problems.put("confidence_score", FieldProblem.of("validation.required"));
        } else if (confidenceScore.isNaN() || confidenceScore < 0 || confidenceScore > 1) {
            problems.put("confidence_score", FieldProblem.of("validation.range", 0, 1));
        }
        if (timeSpentSeconds == null) {
            problems.put("time_spent_seconds", FieldProblem.of("validation.required"));
        } else if (timeSpentSeconds < 1 || timeSpentSeconds > TIME_SPENT_MAX) {
            problems.put("time_spent_seconds", FieldProblem.of("validation.range", 1, TIME_SPENT_MAX));
        }
        if (complexityRating != null && (complexityRating < 1 || complexityRating > 5)) {
            problems.put("complexity_rating", FieldProblem.of("validation.range", 1, 5));
        }
        if (additionalDetails != null && additionalDetails.length() > DETAILS_MAX) {
            problems.put("additional_details", FieldProblem.of("validation.max-length", DETAILS_MAX));
        } else if ((additionalDetails == null || additionalDetails.isBlank()) && needsDetails()) {
            problems.put("additional_details", FieldProblem.of("feedback.error.details-required"));
        }
        if (suggestedCategory != null && suggestedCategory.length() > SUGGESTED_CATEGORY_MAX) {
            problems.put("suggested_category", FieldProblem.of("validation.max-length", SUGGESTED_CATEGORY_MAX));
        }
        storable(problems, "query_text", queryText);
        storable(problems, "original_answer", originalAnswer);
        storable(problems, "expert_answer", expertAnswer);
        storable(problems, "additional_details", additionalDetails);
        storable(problems, "suggested_category", suggestedCategory);
        storableItems(problems, "improvement_suggestions", improvementSuggestions);
        storableItems(problems, "regulatory_references", regulatoryReferences);
        return problems;
    }

    private boolean needsDetails() {
        return "incomplete".equals(feedbackType) || "incorrect".equals(feedbackType);
    }

    static boolean isPlaceholder(String text) {
        return TextRules.isPlaceholderQuestion(text);
    }

    private static void listRule(Map<String, FieldProblem> problems, String field, List<String> items) {
        if (items == null) {
            return;
        }
        if (items.size() > LIST_MAX_ITEMS) {
            problems.put(field, FieldProblem.of("validation.max-items", LIST_MAX_ITEMS));
        } else if (items.stream().anyMatch(item -> item != null && item.length() > LIST_ITEM_MAX)) {
            problems.put(field, FieldProblem.of("validation.item-max-length", LIST_ITEM_MAX));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static List<String> withoutBlanks(List<String> items) {
        if (items == null) {
            return List.of();
        }
        List<String> kept = new ArrayList<>();
        for (String item : items) {
            if (item != null && !item.isBlank()) {
                kept.add(item.strip());
            }
        }
        return kept;
    }
}
