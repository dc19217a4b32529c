package it.expertfeedback.base.text;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.base.text.WordDiff.Kind;
import it.expertfeedback.base.text.WordDiff.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void shows_the_words_a_correction_removed_and_added() {
        List<Segment> diff = WordDiff.between("Si versa il 100% dell'IVA dovuta.", "Si versa l'88% dell'IVA dovuta.");
        assertThat(diff).containsExactly(
                new Segment(Kind.SAME, "Si versa "),
                new Segment(Kind.REMOVED, "il 100%"),
                new Segment(Kind.ADDED, "l'88%"),
                new Segment(Kind.SAME, " dell'IVA dovuta."));
    }

    @Test
    void identical_texts_are_one_same_segment_and_empty_sides_are_all_added_or_removed() {
        assertThat(WordDiff.between("uguale testo", "uguale testo")).containsExactly(new Segment(Kind.SAME, "uguale testo"));
        assertThat(WordDiff.between("", "nuovo")).containsExactly(new Segment(Kind.ADDED, "nuovo"));
        assertThat(WordDiff.between("vecchio", null)).containsExactly(new Segment(Kind.REMOVED, "vecchio"));
    }

    @Test
    void concatenating_same_and_removed_gives_the_original_and_same_and_added_the_correction() {
        String before = "Il regime forfettario si applica fino a 65.000 euro di ricavi e compensi.";
        String after = "Il regime forfettario si applica fino a 85.000 euro di ricavi o compensi, dal 2023.";
        List<Segment> diff = WordDiff.between(before, after);
        assertThat(join(diff, Kind.ADDED)).isEqualTo(after);
        assertThat(join(diff, Kind.REMOVED)).isEqualTo(before);
    }

    @Test
    void very_long_texts_fall_back_to_a_coarse_diff() {
        String before = "parola ".repeat(2100);
        String after = "termine ".repeat(2100);
        assertThat(WordDiff.between(before, after)).extracting(Segment::kind).containsExactly(Kind.REMOVED, Kind.ADDED);
    }

    private static String join(List<Segment> diff, Kind side) {
        StringBuilder text = new StringBuilder();
        diff.stream().filter(s -> s.kind() == Kind.SAME || s.kind() == side).forEach(s -> text.append(s.text()));
        return text.toString();
    }
}
