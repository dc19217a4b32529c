package it.expertfeedback.analytics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link RollupCompaction} on a schedule, on one instance at a time when several share the database
 * (ShedLock, DOMAIN.md §10). The lock is kept at least a minute: an instance whose schedule fires a moment after
 * another's finds the work just done and skips, instead of compacting twice. Each run that got the lock is counted
 * (Prometheus {@code efs_analytics_compaction_runs_total{outcome}}), so skipped runs are visible as absent ones.
 */
@Component
class RollupCompactionJob {

    static final String LOCK = "analytics-rollup-compaction";

    private final RollupCompaction compaction;
    private final Counter compacted;
    private final Counter busy;

    RollupCompactionJob(RollupCompaction compaction, MeterRegistry registry) {
        this.compaction = compaction;
        this.compacted = runs(registry, "compacted");
        this.busy = runs(registry, "busy");
    }

    private static Counter runs(MeterRegistry registry, String outcome) {
        return Counter.builder("efs.analytics.compaction.runs").tag("outcome", outcome)
                .description("Daily-rollup compactions this instance ran (it held the cluster-wide lock)")
                .register(registry);
    }

    @Scheduled(initialDelayString = "${efs.analytics.compaction.initial-delay:PT1M}",
            fixedDelayString = "${efs.analytics.compaction.every:PT15M}")
    @SchedulerLock(name = LOCK, lockAtLeastFor = "PT1M", lockAtMostFor = "PT10M")
    public void run() {
        (compaction.compactPastDays() ? compacted : busy).increment();
    }
}
