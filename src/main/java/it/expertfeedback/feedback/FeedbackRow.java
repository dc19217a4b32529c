package it.expertfeedback.feedback;

import java.time.Instant;
import java.util.UUID;

/** One line of the feedback browser (the question shortened), read straight from the database. */
public record FeedbackRow(UUID id, Instant feedbackTimestamp, UUID expertId, String expertName, FeedbackType type,
                          FeedbackCategory category, String queryText, ReviewVerdict verdict,
                          boolean improvementApplied, double confidenceScore) {
}
