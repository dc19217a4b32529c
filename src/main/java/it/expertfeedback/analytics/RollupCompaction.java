package it.expertfeedback.analytics;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Folds the per-connection slots of the daily rollup into one row per day, verdict and category for every day
 * before today (V10, DD010): writers spread today's counts over slots so concurrent submissions do not wait for each
 * other, and readers should not pay for those slots on the days nobody writes to any more. Internal housekeeping,
 * no caller and no user data: not a service method.
 */
@Component
class RollupCompaction {

    private static final Logger log = LoggerFactory.getLogger(RollupCompaction.class);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final JdbcClient jdbc;
    private final Clock clock;

    RollupCompaction(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Returns whether it compacted (false when writers kept the table busy; the next run retries). */
    boolean compactPastDays() {
        LocalDate today = LocalDate.now(clock.withZone(AnalyticsWindow.ITALY));
        try {
            int folded = jdbc.sql("select analytics_compact_feedback_daily(:today)").param("today", today)
                    .query(Integer.class).single();
            if (folded > 0) {
                log.debug("Daily analytics rollup: {} slot rows folded into their days", folded);
            }
            return true;
        } catch (DataAccessException failure) {
            if (failure.getMostSpecificCause() instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                // Writers held the table longer than the compaction's lock timeout: nothing changed, next run retries.
                log.debug("Daily analytics rollup not compacted this time: writers busy");
            } else {
                log.warn("Daily analytics rollup compaction failed; the next run retries", failure);
            }
            return false;
        }
    }
}
