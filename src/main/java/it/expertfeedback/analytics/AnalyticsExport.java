package it.expertfeedback.analytics;

import it.expertfeedback.base.text.Csv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dashboard's tables as files (CSV with a byte-order mark and semicolons, as Italian Excel opens them), with
 * stable English column codes: written by the analytics feature, so a view only offers the download.
 */
public final class AnalyticsExport {

    /** A table of the dashboard and the name its download gets. */
    public enum Table {
        CATEGORIES("categorie.csv"),
        LEADERBOARD("esperti.csv"),
        FUNNEL("funnel.csv");

        private final String fileName;

        Table(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }
    }

    public static final String CSV_CONTENT_TYPE = "text/csv; charset=UTF-8";

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
        }
        return rows;
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
