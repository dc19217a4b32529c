package it.expertfeedback.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QuestionNormalizerTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "Qual è l'aliquota IVA?|qual e laliquota iva",
            "  QUAL È   L'ALIQUOTA   IVA ?!  |qual e laliquota iva",
            "Perché il 730, quest'anno, è precompilato?|perche il 730 questanno e precompilato",
            "Ricavi di 80.000 €|ricavi di 80000",
            "...|''"})
    void lower_case_without_accents_punctuation_or_extra_blanks(String question, String expected) {
        assertThat(QuestionNormalizer.normalize(question)).isEqualTo(expected);
    }

    @Test
    void tabs_and_line_breaks_are_blanks_too() {
        assertThat(QuestionNormalizer.normalize("Più\tdi\n una  riga")).isEqualTo("piu di una riga");
    }

    /** Issue 13: text pasted from PDFs carries no-break, thin and zero-width spaces; it must meet its duplicates. */
    @Test
    void unicode_spaces_are_blanks_and_zero_width_characters_and_boms_vanish() {
        assertThat(QuestionNormalizer.normalize("IVA\u00A0agevolata")).isEqualTo("iva agevolata");
        assertThat(QuestionNormalizer.normalize("IVA\u2009agevolata\u202Fprima\u3000casa")).isEqualTo("iva agevolata prima casa");
        assertThat(QuestionNormalizer.normalize("\uFEFFIVA agevo\u200Blata\u2060")).isEqualTo("iva agevolata");
        assertThat(QuestionNormalizer.normalize("Società\u00A0di persone")).isEqualTo(QuestionNormalizer.normalize("Societa di persone"));
        assertThat(QuestionNormalizer.normalize("ﬁscale")).isEqualTo("fiscale"); // compatibility ligature
    }

    @Test
    void priority_is_confidence_times_trust_times_frequency_times_100_rounded_to_cents() {
        assertThat(Priority.of(0.8, 0.9266, 1)).isEqualByComparingTo(new BigDecimal("74.13"));
        assertThat(Priority.of(0.8, 0.9266, 2)).isEqualByComparingTo(new BigDecimal("148.26"));
        assertThat(Priority.of(0.555, 1.0, 1)).isEqualByComparingTo(new BigDecimal("55.50"));
        assertThat(Priority.of(0.0, 0.5, 3)).isEqualByComparingTo(BigDecimal.ZERO);
    }
}
