package it.expertfeedback.inbox;

import it.expertfeedback.base.validation.FieldProblem;
import it.expertfeedback.base.validation.TextRules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A review request as the assistant sends it (DOMAIN.md §8) and its rule set: the texts follow §4 (lengths,
 * placeholders, no NUL or lone surrogate, not blank once invisible characters are gone), context and tags are
 * bounded. Problem keys are the REST field names; a context turn's problem is keyed {@code context[i].text}.
 */
public record ReviewRequestDraft(UUID queryId, String queryText, String originalAnswer, String topic, List<String> tags,
                                 List<ContextTurn> context, String model, Instant answeredAt, String reason,
                                 Integer priority, Integer requiredReviews, Instant dueBy) {

    static final int QUERY_TEXT_MAX = 2_000;
    static final int ANSWER_MAX = 20_000;
    static final int TOPIC_MAX = 100;
    static final int TAGS_MAX = 20;
    static final int TAG_MAX = 100;
    static final int CONTEXT_MAX_TURNS = 20;
    static final int TURN_MAX = 4_000;
    static final int MODEL_MAX = 100;
    static final Set<String> REASONS = Set.of("sampled", "user_flagged", "low_confidence", "other");
    static final Set<String> ROLES = Set.of("user", "assistant");

    /** The same placeholders §4 refuses as a question. */
    private static final Set<String> PLACEHOLDERS = Set.of("[domanda precedente dell'utente]", "[user query]",
            "[todo]", "[query text]", "todo: extract from chat history");

    /** Defaults applied, optional texts trimmed (blank = absent), tags lower-cased and distinct. */
    public ReviewRequestDraft normalized() {
        List<String> cleanTags = TextRules.cleanList(tags).stream().map(t -> t.toLowerCase(Locale.ROOT)).distinct().toList();
        return new ReviewRequestDraft(queryId, queryText, originalAnswer, lower(TextRules.clean(topic)), cleanTags,
                context == null ? List.of() : List.copyOf(context), TextRules.clean(model), answeredAt,
                reason == null || reason.isBlank() ? "other" : reason.strip(), priority == null ? 50 : priority,
                requiredReviews == null ? 1 : requiredReviews, dueBy);
    }

    /** Every violation, field by field; empty when the request may be stored. Call on {@link #normalized()}. */
    public Map<String, FieldProblem> problems() {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        if (queryId == null) {
            problems.put("query_id", FieldProblem.of("validation.required"));
        }
        text(problems, "query_text", queryText, QUERY_TEXT_MAX);
        if (!problems.containsKey("query_text") && PLACEHOLDERS.contains(queryText.strip().toLowerCase(Locale.ROOT))) {
            problems.put("query_text", FieldProblem.of("feedback.error.placeholder"));
        }
        text(problems, "original_answer", originalAnswer, ANSWER_MAX);
        TextRules.maxLength(problems, "topic", topic, TOPIC_MAX);
        TextRules.listLimits(problems, "tags", tags == null ? List.of() : tags, TAGS_MAX, TAG_MAX);
        TextRules.maxLength(problems, "model", model, MODEL_MAX);
        if (context != null) {
            if (context.size() > CONTEXT_MAX_TURNS) {
                problems.put("context", FieldProblem.of("validation.max-items", CONTEXT_MAX_TURNS));
            } else {
                for (int i = 0; i < context.size(); i++) {
                    ContextTurn turn = context.get(i);
                    if (turn == null || turn.role() == null || !ROLES.contains(turn.role())) {
                        problems.put("context[" + i + "].role", FieldProblem.of("validation.one-of", "user, assistant"));
                    }
                    text(problems, "context[" + i + "].text", turn == null ? null : turn.text(), TURN_MAX);
                }
            }
        }
        if (reason != null && !REASONS.contains(reason)) {
            problems.put("reason", FieldProblem.of("validation.one-of", "sampled, user_flagged, low_confidence, other"));
        }
        if (priority != null && (priority < 0 || priority > 100)) {
            problems.put("priority", FieldProblem.of("validation.range", 0, 100));
        }
        if (requiredReviews != null && (requiredReviews < 1 || requiredReviews > 3)) {
            problems.put("required_reviews", FieldProblem.of("validation.range", 1, 3));
        }
        return problems;
    }

    /** A fingerprint of everything the assistant sent: equal fingerprints are "the same request again". */
    String contentHash() {
        StringBuilder canonical = new StringBuilder();
        for (Object part : List.of(String.valueOf(queryText), String.valueOf(originalAnswer), String.valueOf(topic),
                String.valueOf(tags), String.valueOf(model), String.valueOf(answeredAt), String.valueOf(reason),
                String.valueOf(priority), String.valueOf(requiredReviews), String.valueOf(dueBy))) {
            String text = part.toString();
            canonical.append(text.length()).append(':').append(text);
        }
        for (ContextTurn turn : context) {
            canonical.append(turn.role().length()).append(':').append(turn.role())
                    .append(turn.text().length()).append(':').append(turn.text());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }

    private static void text(Map<String, FieldProblem> problems, String field, String value, int max) {
        if (value == null || isBlankOnceInvisibleRemoved(value)) {
            problems.put(field, FieldProblem.of("validation.required"));
        } else if (value.length() > max) {
            problems.put(field, FieldProblem.of("validation.max-length", max));
        } else if (hasNulOrLoneSurrogate(value)) {
            problems.put(field, FieldProblem.of("inbox.error.invalid-characters"));
        }
    }

    static boolean isBlankOnceInvisibleRemoved(String value) {
        return value.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF);
    }

    static boolean hasNulOrLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

}
