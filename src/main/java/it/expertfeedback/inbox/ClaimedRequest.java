package it.expertfeedback.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request an expert holds: what the form shows read-only, and the lease. Deliberately without other experts'
 * verdicts (blind review).
 */
public record ClaimedRequest(UUID requestId, UUID slotId, UUID queryId, String queryText, String originalAnswer,
                             String topic, List<String> tags, List<ContextTurn> context, String model, Instant answeredAt,
                             int priority, int requiredReviews, Instant dueBy, Instant claimedAt, Instant leaseExpiresAt) {
}
