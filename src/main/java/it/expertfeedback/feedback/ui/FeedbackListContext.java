package it.expertfeedback.feedback.ui;

import com.vaadin.flow.router.QueryParameters;
import it.expertfeedback.feedback.FeedbackCategory;
import it.expertfeedback.feedback.FeedbackFilter;
import it.expertfeedback.feedback.FeedbackType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The list a feedback detail was opened from, carried in the detail's query parameters (with the browser's own
 * parameter names) so that previous / next walk that filtered, sorted list, also after a reload or from a shared
 * link: {@code list=browse} (the reviewers' browser) or {@code list=mine} (the expert's own feedback).
 */
record FeedbackListContext(Kind kind, FeedbackFilter filter, boolean oldestFirst) {

    enum Kind { browse, mine }

    static FeedbackListContext browse(FeedbackFilter filter, boolean oldestFirst) {
        return new FeedbackListContext(Kind.browse, filter, oldestFirst);
    }

    static FeedbackListContext mine(FeedbackType type) {
        return new FeedbackListContext(Kind.mine, FeedbackFilter.none().withType(type), false);
    }

    /** The context of a detail's address; none when it was opened without one (a link from elsewhere). */
    static Optional<FeedbackListContext> of(QueryParameters parameters) {
        Map<String, String> p = new LinkedHashMap<>();
        parameters.getParameters().forEach((name, values) -> values.stream().findFirst().ifPresent(v -> p.put(name, v)));
        Kind kind = "browse".equals(p.get("list")) ? Kind.browse : "mine".equals(p.get("list")) ? Kind.mine : null;
        if (kind == null) {
            return Optional.empty();
        }
        FeedbackType type = Optional.ofNullable(p.get("type")).flatMap(FeedbackType::fromCode).orElse(null);
        if (kind == Kind.mine) {
            return Optional.of(mine(type));
        }
        FeedbackFilter filter = FeedbackFilter.none().withType(type)
                .withCategory(Optional.ofNullable(p.get("category")).flatMap(FeedbackCategory::fromCode).orElse(null))
                .withExpertText(p.get("expert")).withText(p.get("q"))
                .withFrom(date(p.get("from"))).withTo(date(p.get("to")))
                .withReviewed(bool(p.get("reviewed"))).withImprovementApplied(bool(p.get("applied")));
        return Optional.of(browse(filter, "asc".equals(p.get("sort"))));
    }

    QueryParameters parameters() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        put(p, "list", kind.name());
        put(p, "type", filter.type() == null ? null : filter.type().code());
        if (kind == Kind.browse) {
            put(p, "category", filter.category() == null ? null : filter.category().code());
            put(p, "expert", filter.expertText());
            put(p, "q", filter.text());
            put(p, "from", filter.from());
            put(p, "to", filter.to());
            put(p, "reviewed", filter.reviewed());
            put(p, "applied", filter.improvementApplied());
            put(p, "sort", oldestFirst ? "asc" : null);
        }
        return new QueryParameters(p);
    }

    private static void put(Map<String, List<String>> p, String name, Object value) {
        if (value != null && !String.valueOf(value).isBlank()) {
            p.put(name, List.of(String.valueOf(value).strip()));
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException broken) {
            return null; // a broken link simply does not filter by date
        }
    }

    private static Boolean bool(String text) {
        return "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
    }
}
