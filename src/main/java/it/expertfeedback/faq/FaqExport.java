package it.expertfeedback.faq;

import it.expertfeedback.base.text.Csv;
import it.expertfeedback.base.text.SpreadsheetCells;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden set as files: CSV (RFC 4180, ';' separators and a byte-order mark, as spreadsheets set to Italian
 * expect; lists joined with " | "), JSONL (one JSON object per line, the same fields) and XLSX (one sheet, the
 * same columns). Every CSV/XLSX text cell goes through SpreadsheetCells (no formula injection). Pure formatting.
 */
public final class FaqExport {

    public enum Format {
        CSV("faq.csv", "text/csv; charset=UTF-8"),
        JSONL("faq.jsonl", "application/jsonl; charset=UTF-8"),
        XLSX("faq.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

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
            write(out, Csv.line(fields.values().stream().map(value -> value instanceof List<?> list ? joined(list) : value).toList()));
        } else {
            write(out, json.writeValueAsString(fields) + "\n");
        }
    }

    /** An XLSX workbook written row by row (fastexcel streams it), the same columns as the CSV. */
    static final class Sheet {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int next;

        Sheet(OutputStream out) {
            workbook = new Workbook(out, "Expert Feedback System", "1.0");
            sheet = workbook.newWorksheet("faq");
            cells(new ArrayList<>(COLUMNS));
        }

        void row(CandidateRow row) {
            cells(new ArrayList<>(fields(row).values()));
        }

        private void cells(List<Object> values) {
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value instanceof Number number) {
                    sheet.value(next, c, SpreadsheetCells.rounded(number));
                } else if (value instanceof List<?> list) {
                    sheet.value(next, c, SpreadsheetCells.text(joined(list)));
                } else if (value != null) {
                    sheet.value(next, c, SpreadsheetCells.text(value.toString()));
                }
            }
            next++;
        }

        void finish() {
            try {
                workbook.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String joined(List<?> list) {
        return list.stream().map(String::valueOf).collect(Collectors.joining(" | "));
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
