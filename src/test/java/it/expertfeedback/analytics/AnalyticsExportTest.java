package it.expertfeedback.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.analytics.AnalyticsSummary.CategoryCount;
import it.expertfeedback.analytics.AnalyticsSummary.Funnel;
import it.expertfeedback.analytics.AnalyticsSummary.Kpis;
import it.expertfeedback.analytics.AnalyticsSummary.LeaderRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dashboard's downloads as the analytics feature writes them: BOM, semicolons, English codes, one row a line. */
class AnalyticsExportTest {

    private static final Kpis NONE = new Kpis(0, null, null, 0, 0, null, 0, null);
    static final AnalyticsSummary.InboxFigures NO_INBOX = new AnalyticsSummary.InboxFigures(List.of(), 0, 0, null, List.of());
    private static final AnalyticsSummary SUMMARY = new AnalyticsSummary(
            new AnalyticsWindow(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)), NONE, NONE, Map.of(),
            List.of(new CategoryCount("caso_mancante", 1, 2, 3, 6)), "day", List.of(),
            List.of(new LeaderRow(UUID.randomUUID(), "Anna Rossi", 12, 0.75, 0.8123, null)),
            new Funnel(10, 2, 5, 1, 2), NO_INBOX);

    private static String csv(AnalyticsExport.Table table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnalyticsExport.writeCsv(table, SUMMARY, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void each_table_is_a_csv_italian_excel_opens() throws IOException {
        assertThat(csv(AnalyticsExport.Table.CATEGORIES)).startsWith("\uFEFF")
                .contains("category;correct;incomplete;incorrect;total").contains("caso_mancante;1;2;3;6");
        assertThat(csv(AnalyticsExport.Table.LEADERBOARD)).contains("expert;feedback;accuracy;trust;median_time_spent_seconds")
                .contains("Anna Rossi;12;");
        assertThat(csv(AnalyticsExport.Table.FUNNEL)).contains("created;auto_approved;approved;rejected;pending")
                .contains("10;2;5;1;2");
        assertThat(AnalyticsExport.Table.CATEGORIES.fileName(AnalyticsExport.Format.CSV)).isEqualTo("categorie.csv");
    }

    @Test
    void a_name_starting_with_a_formula_is_text_in_both_formats_and_fractions_are_rounded() throws IOException {
        AnalyticsSummary hostile = new AnalyticsSummary(SUMMARY.window(), NONE, NONE, Map.of(), List.of(), "day", List.of(),
                List.of(new LeaderRow(UUID.randomUUID(), "=HYPERLINK(\"http://evil\")", 3, 2.0 / 3, 0.8354999999999999, null)),
                new Funnel(0, 0, 0, 0, 0), NO_INBOX);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        AnalyticsExport.writeCsv(AnalyticsExport.Table.LEADERBOARD, hostile, csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("\"'=HYPERLINK(\"\"http://evil\"\")\";3;0.6667;0.8355;");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        AnalyticsExport.write(AnalyticsExport.Table.LEADERBOARD, AnalyticsExport.Format.XLSX, hostile, xlsx);
        try (org.dhatim.fastexcel.reader.ReadableWorkbook book = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx.toByteArray()))) {
            List<org.dhatim.fastexcel.reader.Row> rows = book.getFirstSheet().read();
            org.dhatim.fastexcel.reader.Cell name = rows.get(1).getCell(0);
            assertThat(name.getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
            assertThat(name.getRawValue()).isEqualTo("'=HYPERLINK(\"http://evil\")");
            assertThat(rows.get(1).getCell(3).asNumber()).isEqualByComparingTo("0.8355");
        }
    }

    @Test
    void a_table_as_xlsx_is_one_sheet_with_the_same_cells() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnalyticsExport.write(AnalyticsExport.Table.CATEGORIES, AnalyticsExport.Format.XLSX, SUMMARY, out);
        // Read through the central directory, as Excel does (the writer streams entries with data descriptors).
        java.nio.file.Path file = java.nio.file.Files.createTempFile("categorie", ".xlsx");
        java.nio.file.Files.write(file, out.toByteArray());
        Map<String, String> parts = new java.util.HashMap<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                parts.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThat(parts).containsKeys("xl/workbook.xml", "xl/worksheets/sheet1.xml");
        assertThat(parts.get("xl/workbook.xml")).contains("name=\"categorie\"");
        assertThat(parts.get("xl/sharedStrings.xml")).contains("caso_mancante").contains("incomplete");
        // the counts are numeric cells, not text
        assertThat(parts.get("xl/worksheets/sheet1.xml")).contains("<v>6</v>");
        assertThat(AnalyticsExport.Table.FUNNEL.fileName(AnalyticsExport.Format.XLSX)).isEqualTo("funnel.xlsx");
    }
}
