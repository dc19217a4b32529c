package it.expertfeedback.base.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Formula injection is neutralised in every text cell; numbers stay numbers, rounded. */
class SpreadsheetCellsTest {

    @Test
    void a_text_starting_with_a_formula_character_is_neutralised() {
        for (String formula : new String[] {"=1+1", "+39 06", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(SpreadsheetCells.text(formula)).as(formula).isEqualTo("'" + formula);
        }
        assertThat(SpreadsheetCells.text("Art. 19 = detrazione")).isEqualTo("Art. 19 = detrazione");
        assertThat(SpreadsheetCells.text("")).isEmpty();
        assertThat(SpreadsheetCells.text(null)).isNull();
    }

    @Test
    void csv_lines_guard_text_and_round_doubles_but_keep_negative_numbers() {
        assertThat(Csv.line(Arrays.asList("=HYPERLINK(\"http://x\")", 0.8354999999999999, -3, 12, null, 1.0)))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\";0.8355;-3;12;;1\n");
        assertThat(Csv.line(Arrays.asList("-", "@a;b"))).isEqualTo("'-;\"'@a;b\"\n");
    }
}
