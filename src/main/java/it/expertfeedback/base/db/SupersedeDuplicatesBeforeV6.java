package it.expertfeedback.base.db;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Only for {@code ./efs adopt}: right before V6 (whose unique (expert_id, query_id) index a database with duplicates
 * cannot take), marks the older duplicates superseded and creates that index as V17 defines it (current rows only),
 * so V6's {@code CREATE UNIQUE INDEX IF NOT EXISTS} finds it. BEFORE_EACH_MIGRATE runs on the migration's connection
 * inside the one transaction of every pending migration (spring.flyway.group=true): a later failure undoes this too.
 */
final class SupersedeDuplicatesBeforeV6 implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE && context.getMigrationInfo() != null
                && context.getMigrationInfo().getVersion() != null
                && "6".equals(context.getMigrationInfo().getVersion().getVersion());
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(AdoptionQueries.SUPERSEDE_DUPLICATES);
        } catch (SQLException e) {
            throw new FlywayException("Marking duplicate feedback superseded before V6 failed", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "supersede-duplicates-before-v6";
    }
}
