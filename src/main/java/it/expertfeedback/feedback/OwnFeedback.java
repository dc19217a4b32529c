package it.expertfeedback.feedback;

import it.expertfeedback.base.validation.NotAllowedException;

/** Four eyes: nobody judges their own feedback (403). */
public final class OwnFeedback extends NotAllowedException {

    private OwnFeedback() {
        super("feedback.error.own-feedback");
    }

    public static OwnFeedback of() {
        return new OwnFeedback();
    }
}
