package it.expertfeedback.analytics;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
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

    private final JdbcClient jdbc;
    private final Clock clock;

    RollupCompaction(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${efs.analytics.compaction.initial-delay:PT1M}",
            fixedDelayString = "${efs.analytics.compaction.every:PT15M}")
    void compactPastDays() {
        LocalDate today = LocalDate.now(clock.withZone(AnalyticsWindow.ITALY));
        int folded = jdbc.sql("select analytics_compact_feedback_daily(:today)").param("today", today)
                .query(Integer.class).single();
        if (folded > 0) {
            log.debug("Daily analytics rollup: {} slot rows folded into their days", folded);
        }
    }
}
