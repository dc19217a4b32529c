package it.expertfeedback.faq;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The approval queue's length as a gauge (Prometheus {@code efs_faq_queue_length}), read from the database at each
 * scrape (an index-only count on the pending index, V8), so every instance reports the same, current figure: take
 * max(), not sum(), across instances. No caller, no user data: monitoring, not a service method.
 */
@Component
class FaqQueueMetrics implements MeterBinder {

    private final FaqCandidateRepository candidates;

    FaqQueueMetrics(FaqCandidateRepository candidates) {
        this.candidates = candidates;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // A scrape while the database is away reads NaN (Micrometer swallows the failure), not a broken scrape.
        Gauge.builder("efs.faq.queue.length", candidates,
                        repository -> repository.countByApprovalStatus(CandidateStatus.pending))
                .description("FAQ candidates waiting for a decision").register(registry);
    }
}
