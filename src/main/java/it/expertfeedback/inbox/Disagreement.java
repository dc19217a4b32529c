package it.expertfeedback.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A completed request whose reviewers disagreed and that no reviewer has settled yet: its question and the verdicts
 * side by side (in the order they came), each with its expert and their current trust.
 */
public record Disagreement(UUID requestId, String queryText, String originalAnswer, String topic, Instant completedAt,
                           List<Review> reviews) {

    /** One reviewer's verdict on the request. */
    public record Review(UUID feedbackId, String verdict, String expertName, double trust) {
    }

    /** The verdicts given, each once, in the order they first came. */
    public List<String> verdicts() {
        return reviews.stream().map(Review::verdict).distinct().toList();
    }
}
