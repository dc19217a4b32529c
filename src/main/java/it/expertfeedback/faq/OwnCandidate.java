package it.expertfeedback.faq;

import it.expertfeedback.base.validation.NotAllowedException;

/** Four eyes: nobody decides a candidate they proposed or fed with their feedback (403). */
public final class OwnCandidate extends NotAllowedException {

    private OwnCandidate() {
        super("faq.error.own-candidate");
    }

    public static OwnCandidate of() {
        return new OwnCandidate();
    }
}
