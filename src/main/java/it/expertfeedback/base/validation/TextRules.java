package it.expertfeedback.base.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Small, pure helpers the features' rule sets share: trimming, lengths and lists of short texts. */
public final class TextRules {

    private TextRules() {
    }

    /** Trimmed text, or null when blank. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Trimmed, non-blank, distinct items in their original order. */
    public static List<String> cleanList(List<String> values) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> cleaned = new LinkedHashSet<>();
        for (String value : values) {
            String item = clean(value);
            if (item != null) {
                cleaned.add(item);
            }
        }
        return new ArrayList<>(cleaned);
    }

    public static void maxLength(Map<String, FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.putIfAbsent(field, FieldProblem.of("validation.max-length", max));
        }
    }

    public static void listLimits(Map<String, FieldProblem> problems, String field, List<String> values,
                                  int maxItems, int maxItemLength) {
        if (values.size() > maxItems) {
            problems.putIfAbsent(field, FieldProblem.of("validation.max-items", maxItems));
        } else if (values.stream().anyMatch(v -> v.length() > maxItemLength)) {
            problems.putIfAbsent(field, FieldProblem.of("validation.item-max-length", maxItemLength));
        }
    }

    /** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
    public static String likePattern(String text) {
        String escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
