package it.expertfeedback.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.faq.QuestionNormalizer;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V14 renormalises stored dedup keys with the Unicode-aware rule, in SQL that must give exactly what
 * QuestionNormalizer gives in Java: otherwise a stored key and a new one for the same question would differ.
 */
class QuestionRenormalisationTest {

    private static final List<String> QUESTIONS = List.of(
            "IVA\u00A0agevolata prima casa?", "Qual è l'aliquota IVA?", "  QUAL È   L'ALIQUOTA   IVA ?!  ",
            "Società\u202Fdi\u2009persone", "\uFEFFRicavi di 80.000 €\u200B", "Più\tdi\n una  riga", "ﬁscale Ça NAÏVE",
            "Perché il 730, quest'anno, è precompilato?");

    @Test
    void v14_gives_every_stored_question_the_key_the_java_normalizer_gives() {
        String url = it.expertfeedback.support.TestDatabase.freshDatabaseUrl("renormalise");
        Migrations.configuration(url).target(MigrationVersion.fromVersion("13")).load().migrate();
        JdbcTemplate jdbc = Migrations.jdbc(url);
        for (String question : QUESTIONS) {
            // The key the old normalizer wrote: a no-break space vanished ("ivaagevolata").
            jdbc.update("""
                    insert into expert_faq_candidates (id, question, answer, normalized_question)
                    values (?, ?, 'Risposta', ?)""", UUID.randomUUID(), question, "stale key");
        }

        Migrations.flyway(url).migrate();

        for (String question : QUESTIONS) {
            assertThat(jdbc.queryForObject("select normalized_question from expert_faq_candidates where question = ?",
                    String.class, question)).as(question).isEqualTo(QuestionNormalizer.normalize(question));
        }
        assertThat(QuestionNormalizer.normalize("IVA\u00A0agevolata prima casa?")).isEqualTo("iva agevolata prima casa");
    }
}
