package it.expertfeedback.base.text;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV lines with ';' separators (what spreadsheets set to Italian expect). Files start with a UTF-8
 * byte-order mark so Excel reads accents right. Pure.
 */
public final class Csv {

    public static final String BYTE_ORDER_MARK = "\uFEFF";
    public static final char SEPARATOR = ';';

    private Csv() {
    }

    /** Numbers rounded, text guarded against formula injection (SpreadsheetCells), then quoted as needed. */
    public static String line(List<?> fields) {
        return fields.stream().map(field -> quote(field == null ? null
                        : field instanceof Number number ? SpreadsheetCells.number(number)
                        : SpreadsheetCells.text(String.valueOf(field))))
                .collect(Collectors.joining(String.valueOf(SEPARATOR))) + "\n";
    }

    /** Quotes a field when it holds the separator, a quote or a line break; quotes inside are doubled. */
    public static String quote(String field) {
        if (field == null) {
            return "";
        }
        boolean needsQuotes = field.indexOf(SEPARATOR) >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
