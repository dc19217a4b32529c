package it.expertfeedback.improvement;

import java.time.Instant;
import java.util.UUID;

/** One improvement task as reviewers and the API see it. */
public record ImprovementTask(UUID id, String taskId, String taskName, UUID feedbackId, UUID expertId, String expertName,
                              String category, String question, String answer, String additionalDetails,
                              TaskStatus status, String resolutionNote, Instant createdAt, Instant statusChangedAt) {
}
