package it.expertfeedback.base.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Integrity errors told apart by PostgreSQL's SQLSTATE and constraint name, not by Spring's exception class. */
@IntegrationTest
class DatabaseFailuresTest {

    private static final String DUPLICATE = "uq_expert_feedback_expert_query";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestUsers testUsers;

    @Test
    void only_the_expert_query_unique_index_is_a_duplicate() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        UUID profile = jdbc.queryForObject("select id from expert_profiles where user_id = ?", UUID.class, expert.id());
        UUID query = UUID.randomUUID();
        String insert = """
                insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer, time_spent_seconds, review_verdict)
                values (?, ?, 'correct', 'Domanda', 'Risposta', 10, ?)""";
        jdbc.update(insert, query, profile, null);

        Throwable twice = catchThrowable(() -> jdbc.update(insert, query, profile, null));
        Throwable badValue = catchThrowable(() -> jdbc.update(insert, UUID.randomUUID(), profile, "maybe"));
        Throwable noExpert = catchThrowable(() -> jdbc.update(insert, UUID.randomUUID(), UUID.randomUUID(), null));

        assertThat(twice).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(badValue).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(noExpert).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(DatabaseFailures.isUniqueViolation(twice, DUPLICATE)).isTrue();
        assertThat(DatabaseFailures.isUniqueViolation(badValue, DUPLICATE)).as("check constraint").isFalse();
        assertThat(DatabaseFailures.isUniqueViolation(noExpert, DUPLICATE)).as("foreign key").isFalse();
        assertThat(DatabaseFailures.isUniqueViolation(twice, "some_other_index")).isFalse();
    }
}
