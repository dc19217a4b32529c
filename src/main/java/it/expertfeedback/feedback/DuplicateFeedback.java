package it.expertfeedback.feedback;

import it.expertfeedback.base.validation.ConflictException;

/** The assistant's answer to this query already has the expert's feedback (one per query): 409. */
public final class DuplicateFeedback extends ConflictException {

    private DuplicateFeedback() {
        super("feedback.error.duplicate");
    }

    public static DuplicateFeedback of() {
        return new DuplicateFeedback();
    }
}
