package it.expertfeedback.faq;

import static it.expertfeedback.base.validation.TextRules.clean;
import static it.expertfeedback.base.validation.TextRules.isPlaceholderQuestion;
import static it.expertfeedback.base.validation.TextRules.cleanList;
import static it.expertfeedback.base.validation.TextRules.listLimits;
import static it.expertfeedback.base.validation.TextRules.maxLength;
import static it.expertfeedback.base.validation.TextRules.storable;
import static it.expertfeedback.base.validation.TextRules.storableItems;

import it.expertfeedback.base.validation.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A reviewer's corrections to a candidate before approving it (edit-and-approve). */
public record FaqEdit(String question, String answer, String suggestedCategory, List<String> suggestedTags,
                      List<String> regulatoryReferences) {

    public static FaqEdit of(FaqCandidate candidate) {
        return new FaqEdit(candidate.getQuestion(), candidate.getAnswer(), candidate.getSuggestedCategory(),
                candidate.getSuggestedTags(), candidate.getRegulatoryReferences());
    }

    public FaqEdit normalized() {
        return new FaqEdit(question == null ? null : question.strip(), answer == null ? null : answer.strip(),
                clean(suggestedCategory), cleanList(suggestedTags), cleanList(regulatoryReferences));
    }

    public Map<String, FieldProblem> problems() {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        if (question == null || question.isBlank()) {
            problems.put("question", FieldProblem.of("validation.required"));
        } else if (isPlaceholderQuestion(question)) {
            problems.put("question", FieldProblem.of("feedback.error.placeholder"));
        }
        maxLength(problems, "question", question, 2_000);
        if (answer == null || answer.isBlank()) {
            problems.put("answer", FieldProblem.of("validation.required"));
        }
        maxLength(problems, "answer", answer, 20_000);
        maxLength(problems, "suggested_category", suggestedCategory, 100);
        listLimits(problems, "suggested_tags", suggestedTags, 20, 50);
        listLimits(problems, "regulatory_references", regulatoryReferences, 20, 500);
        // The same text rules as a submission (DOMAIN.md §4): what a reviewer publishes is held to them too.
        storable(problems, "question", question);
        storable(problems, "answer", answer);
        storable(problems, "suggested_category", suggestedCategory);
        storableItems(problems, "suggested_tags", suggestedTags);
        storableItems(problems, "regulatory_references", regulatoryReferences);
        return problems;
    }
}
