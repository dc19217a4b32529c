package it.expertfeedback.feedback;

import it.expertfeedback.base.validation.NotAllowedException;

/**
 * Only an active, verified expert submits feedback (403). Two cases with the original system's texts, which the
 * assistant's client shows: no profile at all, or one that is not active or not verified.
 */
public final class SubmissionNotAllowed extends NotAllowedException {

    private SubmissionNotAllowed(String key) {
        super(key);
    }

    public static SubmissionNotAllowed notAnExpert() {
        return new SubmissionNotAllowed("feedback.error.not-an-expert");
    }

    public static SubmissionNotAllowed notActiveOrVerified() {
        return new SubmissionNotAllowed("feedback.error.not-active");
    }
}
