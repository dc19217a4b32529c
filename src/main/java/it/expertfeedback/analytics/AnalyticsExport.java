package it.expertfeedback.analytics;

import it.expertfeedback.base.text.Csv;
import it.expertfeedback.base.text.SpreadsheetCells;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The dashboard's tables as files (CSV with a byte-order mark and semicolons, as Italian Excel opens them, or
 * XLSX), with stable English column codes: written by the analytics feature, so a view only offers the download.
 */
public final class AnalyticsExport {

    /** A table of the dashboard and the name its download gets. */
    public enum Table {
        CATEGORIES("categorie"),
        LEADERBOARD("esperti"),
        FUNNEL("funnel"),
        INBOX_FLOW("richieste"),
        INBOX_AGREEMENT("accordo");

        private final String baseName;

        Table(String baseName) {
            this.baseName = baseName;
        }

        public String fileName(Format format) {
            return baseName + "." + format.extension;
        }
    }

    /** The two file kinds a table downloads as. */
    public enum Format {
        CSV("csv", "text/csv; charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    private AnalyticsExport() {
    }

    /** Header row first, then one row per line of the table. */
    static List<List<?>> rows(Table table, AnalyticsSummary summary) {
        List<List<?>> rows = new ArrayList<>();
        switch (table) {
            case CATEGORIES -> {
                rows.add(List.of("category", "correct", "incomplete", "incorrect", "total"));
                summary.byCategory().forEach(c -> rows.add(List.of(c.category(), c.correct(), c.incomplete(), c.incorrect(), c.total())));
            }
            case LEADERBOARD -> {
                rows.add(List.of("expert", "feedback", "accuracy", "trust", "median_time_spent_seconds"));
                summary.leaderboard().forEach(r -> rows.add(Arrays.asList(r.name(), r.feedback(), r.accuracy(), r.trust(),
                        r.medianTimeSpentSeconds())));
            }
            case FUNNEL -> {
                AnalyticsSummary.Funnel f = summary.funnel();
                rows.add(List.of("created", "auto_approved", "approved", "rejected", "pending"));
                rows.add(List.of(f.created(), f.autoApproved(), f.approved(), f.rejected(), f.pending()));
            }
            case INBOX_FLOW -> {
                // Days, then the window's totals and the median time to the first verdict, as the section shows them.
                AnalyticsSummary.InboxFigures inbox = summary.inbox();
                rows.add(List.of("day", "received", "judged"));
                inbox.days().forEach(d -> rows.add(List.of(d.day().toString(), d.received(), d.judged())));
                rows.add(List.of("total", inbox.received(), inbox.judged()));
                rows.add(Arrays.asList("median_seconds_to_first_verdict", inbox.medianSecondsToFirstVerdict()));
            }
            case INBOX_AGREEMENT -> {
                rows.add(List.of("category", "requests", "unanimous", "unanimous_share", "kappa", "kappa_method"));
                summary.inbox().agreement().forEach(a -> rows.add(Arrays.asList(
                        a.overall() ? "all" : a.category() == null ? "" : a.category(), a.requests(), a.unanimous(),
                        a.unanimousShare(), a.kappa(), a.method())));
            }
        }
        return rows;
    }

    static void write(Table table, Format format, AnalyticsSummary summary, OutputStream out) throws IOException {
        if (format == Format.CSV) {
            writeCsv(table, summary, out);
        } else {
            writeXlsx(table, summary, out);
        }
    }

    /** One sheet named after the table; numbers stay numbers so Excel can sum them. */
    static void writeXlsx(Table table, AnalyticsSummary summary, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Expert Feedback System", "1.0");
        Worksheet sheet = workbook.newWorksheet(table.baseName);
        List<List<?>> rows = rows(table, summary);
        for (int r = 0; r < rows.size(); r++) {
            List<?> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object value = row.get(c);
                if (value instanceof Number number) {
                    sheet.value(r, c, SpreadsheetCells.rounded(number));
                } else if (value != null) {
                    sheet.value(r, c, SpreadsheetCells.text(value.toString()));
                }
            }
        }
        workbook.finish();
    }

    static void writeCsv(Table table, AnalyticsSummary summary, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(Csv.BYTE_ORDER_MARK);
        for (List<?> row : rows(table, summary)) {
            writer.write(Csv.line(row));
        }
        writer.flush();
    }
}
