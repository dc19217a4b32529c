package it.expertfeedback.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request as the assistant sees it in the status listing (DOMAIN.md §8). {@code status} is open, in_review,
 * done, expired or cancelled; {@code reviews} lists verdicts only once the request is done (blind review).
 */
public record ReviewRequestItem(UUID id, UUID queryId, String status, String topic, List<String> tags, int priority,
                                int requiredReviews, int reviewsDone, String reason, Instant createdAt, Instant updatedAt,
                                Instant dueBy, List<ReviewOutcome> reviews, List<SkipInfo> skips) {

    ReviewRequestItem withDetails(List<ReviewOutcome> outcomes, List<SkipInfo> skipped) {
        return new ReviewRequestItem(id, queryId, status, topic, tags, priority, requiredReviews, reviewsDone, reason,
                createdAt, updatedAt, dueBy, "done".equals(status) ? outcomes : List.of(), skipped);
    }
}
