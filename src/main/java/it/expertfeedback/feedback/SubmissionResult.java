package it.expertfeedback.feedback;

import java.util.UUID;

/** What a submission produced: the stored feedback, the expert's new trust, and the FAQ candidate if any. */
public record SubmissionResult(UUID feedbackId, FeedbackType feedbackType, double expertTrustScore, UUID candidateId,
                               boolean candidateCreated, int candidateFrequency, String candidateStatus) {
}
