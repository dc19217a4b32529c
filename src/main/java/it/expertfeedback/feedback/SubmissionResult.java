package it.expertfeedback.feedback;

import java.util.UUID;

/**
 * What a submission produced: the stored feedback, the expert's new trust, the FAQ candidate if any, and the
 * original system's tracking (action code, improvement task). {@code replayed}: an identical resubmission, answered
 * with the first result.
 */
public record SubmissionResult(UUID feedbackId, FeedbackType feedbackType, double expertTrustScore, UUID candidateId,
                               boolean candidateCreated, int candidateFrequency, String candidateStatus,
                               String actionTaken, boolean taskCreationAttempted, String generatedTaskId,
                               boolean replayed) {

    /** The published FAQ's id: the candidate's, once it is approved (auto-approval may do so at once). */
    public UUID generatedFaqId() {
        return "approved".equals(candidateStatus) ? candidateId : null;
    }
}
