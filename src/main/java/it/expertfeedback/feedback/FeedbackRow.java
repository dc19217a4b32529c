package it.expertfeedback.feedback;

import java.time.Instant;
import java.util.UUID;

/** One line of the feedback browser (the question shortened), with the submitter's user id and name, read straight from the database. */
public record FeedbackRow(UUID id, Instant feedbackTimestamp, UUID expertId, Integer expertUserId,
                          String expertName, FeedbackType type,
                          FeedbackCategory category, String queryText, ReviewVerdict verdict,
                          boolean improvementApplied, double confidenceScore, boolean otherCategory) {
    // otherCategory: a category label outside ours (an adopted database's VARCHAR column): category() is then null
    // but the row has one, shown as unknown instead of "none".
}
