package it.expertfeedback.feedback;

import it.expertfeedback.base.validation.NotAllowedException;

/** Only an active, verified expert submits feedback (403). */
public final class SubmissionNotAllowed extends NotAllowedException {

    private SubmissionNotAllowed() {
        super("feedback.error.not-allowed");
    }

    public static SubmissionNotAllowed of() {
        return new SubmissionNotAllowed();
    }
}
