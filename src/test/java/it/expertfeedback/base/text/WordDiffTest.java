package it.expertfeedback.base.text;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.base.text.WordDiff.Kind;
import it.expertfeedback.base.text.WordDiff.Segment;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void shows_the_words_a_correction_removed_and_added_with_the_changed_letters_inside() {
        List<Segment> diff = WordDiff.between("Si versa il 100% dell'IVA dovuta.", "Si versa il 88% dell'IVA dovuta.");
        assertThat(diff).extracting(Segment::kind, Segment::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.SAME, "Si versa il "),
                org.assertj.core.groups.Tuple.tuple(Kind.REMOVED, "100%"),
                org.assertj.core.groups.Tuple.tuple(Kind.ADDED, "88%"),
                org.assertj.core.groups.Tuple.tuple(Kind.SAME, " dell'IVA dovuta."));
        // Letters: "100%" -> "88%" keeps only the "%".
        assertThat(diff.get(1).detail()).containsExactly(new Segment(Kind.REMOVED, "100"), new Segment(Kind.SAME, "%"));
        assertThat(diff.get(2).detail()).containsExactly(new Segment(Kind.ADDED, "88"), new Segment(Kind.SAME, "%"));
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

    /** The case: the LCS table gave up on long answers and showed "all removed, all added". */
    @Test
    void one_word_changed_in_a_20000_character_answer_is_exactly_one_change_found_in_under_50_ms() {
        String before = answerOf(20_000);
        int middle = before.indexOf(' ', 10_000) + 1;
        int end = before.indexOf(' ', middle);
        String after = before.substring(0, middle) + "modificata" + before.substring(end);
        WordDiff.between(before, after); // warm-up: class loading is not the diff's cost

        long best = Long.MAX_VALUE;
        List<Segment> diff = List.of();
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            diff = WordDiff.between(before, after);
            best = Math.min(best, System.nanoTime() - start);
        }
        assertThat(diff).extracting(Segment::kind).containsExactly(Kind.SAME, Kind.REMOVED, Kind.ADDED, Kind.SAME);
        assertThat(diff.get(1).text()).isEqualTo(before.substring(middle, end));
        assertThat(diff.get(2).text()).isEqualTo("modificata");
        assertThat(WordDiff.changes(before, after)).isOne();
        assertThat(best / 1_000_000.0).as("milliseconds for 20,000 characters").isLessThan(50.0);
        assertThat(join(diff, Kind.REMOVED)).isEqualTo(before);
        assertThat(join(diff, Kind.ADDED)).isEqualTo(after);
    }

    @Test
    void a_sentence_present_in_both_texts_is_never_shown_as_removed_and_added() {
        String kept = "Il termine per il versamento è il 16 del mese successivo.";
        String before = answerOf(8_000) + " " + kept;
        String after = "Premessa nuova. " + answerOf(8_000) + " " + kept;
        List<Segment> diff = WordDiff.between(before, after);
        assertThat(diff.getLast()).isEqualTo(new Segment(Kind.SAME, diff.getLast().text()));
        assertThat(diff.getLast().text()).endsWith(kept);
        assertThat(diff).filteredOn(s -> s.kind() != Kind.SAME).extracting(Segment::text).containsExactly("Premessa nuova. ");
    }

    /** Italian-looking text of about {@code length} characters, the same for the same length. */
    private static String answerOf(int length) {
        String[] words = {"imposta", "aliquota", "fattura", "detrazione", "versamento", "contribuente", "reddito",
                "dichiarazione", "regime", "forfettario", "società", "acconto", "saldo", "credito", "IVA", "termine"};
        Random random = new Random(13);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(words[random.nextInt(words.length)]).append(random.nextInt(10) == 0 ? ". " : " ");
        }
        return text.substring(0, length).strip();
    }

    private static String join(List<Segment> diff, Kind side) {
        StringBuilder text = new StringBuilder();
        diff.stream().filter(s -> s.kind() == Kind.SAME || s.kind() == side).forEach(s -> text.append(s.text()));
        return text.toString();
    }
}
