package it.expertfeedback.base.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Small, pure helpers the features' rule sets share: trimming, lengths and lists of short texts. */
public final class TextRules {

    /** Texts the assistant's client used to send instead of the real question: never a question (DOMAIN.md §4). */
    private static final Set<String> PLACEHOLDERS = Set.of("[domanda precedente dell'utente]", "[user query]",
            "[todo]", "[query text]", "todo: extract from chat history");

    private TextRules() {
    }

    /** A placeholder in place of a question, in any case and trimmed. */
    public static boolean isPlaceholderQuestion(String text) {
        return text != null && PLACEHOLDERS.contains(text.strip().toLowerCase(Locale.ROOT));
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

    /**
     * DOMAIN.md §4: text is refused, never stored altered, when it holds a NUL (PostgreSQL cannot store it) or a lone
     * surrogate (not Unicode at all), or when nothing visible is left once Unicode whitespace (no-break spaces
     * included), zero-width characters and BOMs are removed. Null when the text may be stored, else the problem.
     */
    public static FieldProblem unstorable(String value) {
        if (value == null) {
            return null;
        }
        boolean visible = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return FieldProblem.of("validation.forbidden-character");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return FieldProblem.of("validation.forbidden-character");
                }
                i++;
                visible = true;
            } else if (Character.isLowSurrogate(c)) {
                return FieldProblem.of("validation.forbidden-character");
            } else if (!isInvisible(c)) {
                visible = true;
            }
        }
        return visible || value.isEmpty() ? null : FieldProblem.of("validation.invisible");
    }

    /** Adds {@link #unstorable} of a field's text, unless the field already has a problem. */
    public static void storable(Map<String, FieldProblem> problems, String field, String value) {
        FieldProblem problem = unstorable(value);
        if (problem != null) {
            problems.putIfAbsent(field, problem);
        }
    }

    /** Adds {@link #unstorable} of the first list item that has one. */
    public static void storableItems(Map<String, FieldProblem> problems, String field, List<String> values) {
        if (values != null) {
            values.forEach(value -> storable(problems, field, value));
        }
    }

    /** Whitespace of any kind (no-break spaces too), and format characters: zero-width spaces/joiners, BOM, soft hyphen. */
    static boolean isInvisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    /** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
    public static String likePattern(String text) {
        String escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
