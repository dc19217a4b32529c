package it.expertfeedback.faq;

import it.expertfeedback.base.text.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden set as files: CSV (RFC 4180, ';' separators and a byte-order mark, as spreadsheets set to Italian
 * expect; lists joined with " | ") and JSONL (one JSON object per line, the same fields). Pure formatting.
 */
public final class FaqExport {

    public enum Format {
        CSV("faq.csv", "text/csv; charset=UTF-8"),
        JSONL("faq.jsonl", "application/jsonl; charset=UTF-8");

        private final String fileName;
        private final String contentType;

        Format(String fileName, String contentType) {
            this.fileName = fileName;
            this.contentType = contentType;
        }

        public String fileName() { return fileName; }
        public String contentType() { return contentType; }
    }

    private static final List<String> COLUMNS = List.of("id", "question", "answer", "suggested_category",
            "suggested_tags", "regulatory_references", "approved_at", "updated_at", "status", "version");

    private FaqExport() {
    }

    static void start(Format format, Writer out) {
        if (format == Format.CSV) {
            write(out, Csv.BYTE_ORDER_MARK + Csv.line(COLUMNS));
        }
    }

    static void row(Format format, Writer out, CandidateRow row, JsonMapper json) {
        Map<String, Object> fields = fields(row);
        if (format == Format.CSV) {
            write(out, Csv.line(fields.values().stream().map(value -> value instanceof List<?> list
                    ? list.stream().map(String::valueOf).collect(Collectors.joining(" | "))
                    : value).toList()));
        } else {
            write(out, json.writeValueAsString(fields) + "\n");
        }
    }

    private static Map<String, Object> fields(CandidateRow row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", row.id().toString());
        fields.put("question", row.question());
        fields.put("answer", row.answer());
        fields.put("suggested_category", row.suggestedCategory());
        fields.put("suggested_tags", row.suggestedTags());
        fields.put("regulatory_references", row.regulatoryReferences());
        fields.put("approved_at", row.approvedAt() == null ? null : row.approvedAt().toString());
        fields.put("updated_at", row.updatedAt() == null ? null : row.updatedAt().toString());
        // An incremental export (updated_since) also carries retirements: the reader must see which rows to drop.
        fields.put("status", row.publicStatus());
        fields.put("version", row.publishedVersion());
        return fields;
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
