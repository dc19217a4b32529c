package it.expertfeedback.base.db;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recent feedback added to {@link it.expertfeedback.support.TestDatabase#adoptedAssistantDatabaseUrl} before adoption,
 * inside the dashboard's default window (last 30 days): esperto@pratiko.it judged query A twice (3 days ago
 * incorrect / calcolo_sbagliato, then 2 days ago correct / {@code altro_codice}, a VARCHAR label outside our
 * categories) and query B once (2 days ago incomplete / caso_mancante). After {@code ./efs adopt} the first row of
 * query A is superseded, so the window's current feedback is 2: correct 1 (category unknown), incomplete 1
 * (caso_mancante), incorrect 0. Counting the superseded row would give 3, incorrect 1 and calcolo_sbagliato 1.
 */
final class AdoptedRecentFeedback {

    static final UUID QUERY_A = UUID.nameUUIDFromBytes("recent-query-a".getBytes());
    static final UUID QUERY_B = UUID.nameUUIDFromBytes("recent-query-b".getBytes());

    private AdoptedRecentFeedback() {
    }

    static void addTo(String url) {
        JdbcTemplate jdbc = Migrations.jdbc(url);
        UUID expert = jdbc.queryForObject("""
                select p.id from expert_profiles p join "user" u on u.id = p.user_id
                where u.email = 'esperto@pratiko.it'""", UUID.class);
        String insert = """
                insert into expert_feedback (query_id, expert_id, feedback_type, category, query_text, original_answer,
                    expert_answer, time_spent_seconds, feedback_timestamp, created_at)
                values (?, ?, ?, ?, ?, 'Risposta originale', 'Risposta corretta', 90,
                        current_date - ? + time '12:00', current_date - ? + time '12:00')""";
        jdbc.update(insert, QUERY_A, expert, "incorrect", "calcolo_sbagliato", "Detrazione IVA sulle auto aziendali", 3, 3);
        jdbc.update(insert, QUERY_A, expert, "correct", "altro_codice", "Detrazione IVA sulle auto aziendali", 2, 2);
        jdbc.update(insert, QUERY_B, expert, "incomplete", "caso_mancante", "Cedolare secca sui negozi", 2, 2);
    }
}
