package it.expertfeedback.faq.api;

import it.expertfeedback.faq.CandidateRow;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** RFC 4180 CSV with ';' separators; lists joined with " | ". Pure, so its quoting is easy to test. */
final class FaqCsv {

    static final char SEPARATOR = ';';

    private FaqCsv() {
    }

    static String header() {
        return join(Stream.of("id", "question", "answer", "suggested_category", "suggested_tags",
                "regulatory_references", "approved_at", "updated_at"));
    }

    static String row(CandidateRow row) {
        return join(Stream.of(row.id().toString(), row.question(), row.answer(), row.suggestedCategory(),
                list(row.suggestedTags()), list(row.regulatoryReferences()),
                row.approvedAt() == null ? "" : row.approvedAt().toString(),
                row.updatedAt() == null ? "" : row.updatedAt().toString()));
    }

    private static String list(List<String> items) {
        return String.join(" | ", items);
    }

    private static String join(Stream<String> fields) {
        return fields.map(FaqCsv::quote).collect(Collectors.joining(String.valueOf(SEPARATOR)));
    }

    /** Quotes a field when it holds the separator, a quote or a line break; quotes inside are doubled. */
    static String quote(String field) {
        if (field == null) {
            return "";
        }
        boolean needsQuotes = field.indexOf(SEPARATOR) >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
