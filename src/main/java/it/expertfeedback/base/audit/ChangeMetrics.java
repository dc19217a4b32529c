package it.expertfeedback.base.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Business counters for monitoring (Prometheus {@code efs_feedback_submissions_total},
 * {@code efs_faq_decisions_total{decision=...}}), taken from the audit log's entries: every submission and every
 * decision is audited in its own transaction, so this is the one place that sees them all (REST, UI, bulk,
 * auto-approval) without each service counting. Counted after commit only, so a rolled-back change (a conflict, a
 * lost race) is not counted. Per instance: sum over instances.
 */
@Component
class ChangeMetrics {

    static final String SUBMISSIONS = "efs.feedback.submissions";
    static final String DECISIONS = "efs.faq.decisions";
    private static final Set<String> DECISION_ACTIONS = Set.of("approved", "edited_and_approved", "rejected",
            "auto_approved");

    private final MeterRegistry registry;
    private final Counter submissions;
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();

    ChangeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.submissions = Counter.builder(SUBMISSIONS).description("Expert feedback stored (committed)")
                .register(registry);
        // Registered up front so that every decision series exists (at 0) from the first scrape.
        DECISION_ACTIONS.forEach(this::decisionCounter);
    }

    /** Called for every audit entry, inside the change's transaction. */
    void recorded(String entityType, String action) {
        Counter counter = counterFor(entityType, action);
        if (counter == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    private Counter counterFor(String entityType, String action) {
        if ("expert_feedback".equals(entityType) && "submitted".equals(action)) {
            return submissions;
        }
        if ("faq_candidate".equals(entityType) && DECISION_ACTIONS.contains(action)) {
            return decisionCounter(action);
        }
        return null;
    }

    private Counter decisionCounter(String action) {
        return decisions.computeIfAbsent(action, decision -> Counter.builder(DECISIONS)
                .description("FAQ candidates decided (committed), by decision").tag("decision", decision)
                .register(registry));
    }
}
