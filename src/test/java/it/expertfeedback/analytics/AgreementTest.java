package it.expertfeedback.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Kappa on hand-computed fixtures. */
class AgreementTest {

    @Test
    void cohens_kappa_of_two_raters_on_a_known_table() {
        // 50 answers; both "correct" 20, A correct / B incorrect 5, A incorrect / B correct 10, both incorrect 15.
        // p_o = 35/50 = 0.70; p_e = 0.5 × 0.6 + 0.5 × 0.4 = 0.50; kappa = (0.70 − 0.50) / (1 − 0.50) = 0.40
        assertThat(Agreement.cohensKappa(new long[][] {{20, 5}, {10, 15}}).getAsDouble()).isCloseTo(0.40, within(1e-12));
        // Perfect agreement over two categories: 1; agreement exactly at chance level: 0.
        assertThat(Agreement.cohensKappa(new long[][] {{7, 0}, {0, 3}}).getAsDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(Agreement.cohensKappa(new long[][] {{1, 1}, {1, 1}}).getAsDouble()).isCloseTo(0.0, within(1e-12));
        // Everybody always "correct": chance agreement is total, kappa undefined.
        assertThat(Agreement.cohensKappa(new long[][] {{9, 0}, {0, 0}})).isEmpty();
    }

    @Test
    void fleiss_kappa_of_three_reviewers_per_request_by_hand() {
        // Request 1: correct ×3; request 2: correct, correct, incomplete; request 3: incomplete, incorrect ×2.
        // P_i = 1, 1/3, 1/3 → P̄ = 5/9; p_j = 5/9, 2/9, 2/9 → P̄e = 33/81 = 11/27; kappa = (15/27 − 11/27) / (16/27) = 1/4
        List<List<String>> verdicts = List.of(List.of("correct", "correct", "correct"),
                List.of("correct", "correct", "incomplete"), List.of("incomplete", "incorrect", "incorrect"));
        List<String> codes = List.of("correct", "incomplete", "incorrect");
        assertThat(Agreement.fleissKappa(Agreement.countTable(verdicts, codes)).getAsDouble()).isCloseTo(0.25, within(1e-12));
        assertThat(Agreement.unanimousShare(verdicts)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(Agreement.fleissKappaByRaterCount(verdicts, codes).getAsDouble()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void fleiss_kappa_matches_the_textbook_example() {
        // Fleiss (1971) as reproduced in most textbooks: 10 subjects, 14 raters, 5 categories; kappa = 0.20993...
        long[][] counts = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
                {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        // By hand: P̄ = 172/455 (= 0.378022); category totals 20, 28, 39, 21, 32 of 140 → P̄e = 417/1960 (= 0.212755);
        // kappa = (P̄ − P̄e) / (1 − P̄e) = 0.2099307...
        double pBar = 172.0 / 455.0;
        double pe = 417.0 / 1960.0;
        assertThat(Agreement.fleissKappa(counts).getAsDouble()).isCloseTo((pBar - pe) / (1 - pe), within(1e-12))
                .isCloseTo(0.2099307044, within(1e-9));
    }
}
