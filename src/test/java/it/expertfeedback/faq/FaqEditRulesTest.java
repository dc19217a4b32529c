package it.expertfeedback.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Issue 13: what a reviewer publishes (edit-and-approve, FAQ edits) is held to §4's text rules too. */
class FaqEditRulesTest {

    private static FaqEdit edit(String question, String answer) {
        return new FaqEdit(question, answer, "IVA", List.of("acconto"), List.of("Art. 6, L. 405/1990")).normalized();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "placeholder [TODO]|[TODO]|question|feedback.error.placeholder",
            "placeholder User query|  [user query] |question|feedback.error.placeholder",
            "NUL in the question|Acconto\u0000 IVA?|question|validation.forbidden-character",
            "no-break and zero-width spaces only|\u00A0\u200B\u00A0\uFEFF|question|validation.invisible"})
    void a_question_the_rules_refuse_is_a_field_problem(String name, String question, String field, String key) {
        assertThat(edit(question, "L'acconto è l'88%.").problems()).as(name).containsKey(field);
        assertThat(edit(question, "L'acconto è l'88%.").problems().get(field).messageKey()).as(name).isEqualTo(key);
    }

    @Test
    void answers_tags_and_references_follow_the_same_rules() {
        assertThat(edit("Acconto IVA?", "Risposta \uD800 troncata").problems()).containsKey("answer");
        assertThat(edit("Acconto IVA?", "\u200B\u200C").problems()).containsKey("answer");
        assertThat(new FaqEdit("Acconto IVA?", "88%", null, List.of("ok\u0000"), List.of()).normalized().problems())
                .containsKey("suggested_tags");
        assertThat(new FaqEdit("Acconto IVA?", "88%", null, List.of(), List.of("\u2060\u00A0")).normalized().problems())
                .containsKey("regulatory_references");
        assertThat(edit("Acconto IVA di dicembre?", "L'acconto è l'88% dell'IVA di dicembre.").problems()).isEmpty();
    }
}
