package it.expertfeedback.faq;

import it.expertfeedback.base.validation.ConflictException;

/** The candidate was decided already (or by a concurrent reviewer a moment ago): theirs stands, 409. */
public final class CandidateAlreadyDecided extends ConflictException {

    private CandidateAlreadyDecided() {
        super("faq.error.already-decided");
    }

    public static CandidateAlreadyDecided of() {
        return new CandidateAlreadyDecided();
    }
}
