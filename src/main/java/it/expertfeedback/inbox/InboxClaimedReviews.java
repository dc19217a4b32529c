package it.expertfeedback.inbox;

import it.expertfeedback.feedback.ClaimedReviews;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox's side of a feedback submission (DD007): an expert who submits feedback on the query of a request they
 * claimed completes that review. Time spent is measured from claim to submit, capped so that a form left open over
 * lunch is not an hour of work (§3 reads it as responsiveness).
 */
@Component
class InboxClaimedReviews implements ClaimedReviews {

    private final InboxQueries queries;
    private final Clock clock;
    private final Duration cap;

    InboxClaimedReviews(InboxQueries queries, Clock clock,
                        @Value("${efs.inbox.max-measured-time:PT1H}") Duration cap) {
        this.queries = queries;
        this.clock = clock;
        this.cap = cap;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public OptionalInt measuredSeconds(UUID expertId, UUID queryId) {
        return queries.claimedAt(expertId, queryId)
                .map(claimedAt -> OptionalInt.of(seconds(claimedAt, clock.instant())))
                .orElse(OptionalInt.empty());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void completed(UUID expertId, UUID queryId, UUID feedbackId, String feedbackType, UUID faqCandidateId) {
        Instant now = clock.instant();
        queries.complete(expertId, queryId, feedbackId, feedbackType, faqCandidateId, now, cap.toSeconds())
                .ifPresent(requestId -> queries.touch(requestId, now));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean measuredFeedback(UUID expertId, UUID feedbackId) {
        return queries.completedWithFeedback(expertId, feedbackId);
    }

    int seconds(Instant claimedAt, Instant now) {
        long elapsed = Duration.between(claimedAt, now).toSeconds();
        return (int) Math.max(1, Math.min(elapsed, cap.toSeconds()));
    }
}
