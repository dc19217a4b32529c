package it.expertfeedback.base.text;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What goes into a CSV or XLSX cell. Text that a spreadsheet would run as a formula (starting with = + - @, a tab or
 * a carriage return: OWASP's CSV injection list) is neutralised with a leading apostrophe, which spreadsheets show
 * as text; an expert's answer "=HYPERLINK(...)" must not become a live link in a reviewer's Excel. Fractions are
 * rounded to four decimals (trust scores' precision, DOMAIN.md §3) instead of a double's sixteen digits. Pure.
 */
public final class SpreadsheetCells {

    public static final int DECIMALS = 4;

    private SpreadsheetCells() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }

    /** A number as a CSV field: integers as they are, fractions rounded to {@link #DECIMALS} digits. */
    public static String number(Number value) {
        return rounded(value).toPlainString();
    }

    /** A number rounded for a cell: doubles and floats to {@link #DECIMALS} digits, trailing zeros dropped. */
    public static BigDecimal rounded(Number value) {
        if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return BigDecimal.ZERO;
            }
            BigDecimal r = BigDecimal.valueOf(d).setScale(DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
            return r.scale() < 0 ? r.setScale(0) : r;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return BigDecimal.valueOf(value.longValue());
    }
}
