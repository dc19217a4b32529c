package it.expertfeedback.base.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seed's "downgrade": undoes every applied migration from V2 (the expert schema) on, newest first, with
 * the undo scripts in {@code db/rollback/U<version>__*.sql}, and removes those rows from Flyway's history so
 * the next start applies them again. "user" (V1) stays. Runs in one transaction: all or nothing.
 */
public class ExpertSchemaRollback {

    static final int FIRST_EXPERT_SCHEMA_VERSION = 2;
    private static final Logger log = LoggerFactory.getLogger(ExpertSchemaRollback.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ExpertSchemaRollback(DataSource dataSource, TransactionTemplate transaction) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = transaction;
    }

    /** Returns the versions undone, newest first. */
    public List<Integer> rollback() {
        return transaction.execute(status -> {
            List<Integer> applied = jdbc.queryForList("""
                    select cast(version as integer) from flyway_schema_history
                    where success and version is not null and cast(version as integer) >= ?
                    order by cast(version as integer) desc
                    """, Integer.class, FIRST_EXPERT_SCHEMA_VERSION);
            for (Integer version : applied) {
                String script = undoScript(version);
                log.info("Undoing migration V{}", version);
                jdbc.execute(script);
                jdbc.update("delete from flyway_schema_history where version = ?", String.valueOf(version));
            }
            return applied;
        });
    }

    private static String undoScript(int version) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                    .getResources("classpath:db/rollback/U" + version + "__*.sql");
            if (found.length != 1) {
                throw new IllegalStateException("Expected exactly one undo script for V" + version
                        + " in db/rollback, found " + found.length);
            }
            return found[0].getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the undo script of V" + version, e);
        }
    }
}
