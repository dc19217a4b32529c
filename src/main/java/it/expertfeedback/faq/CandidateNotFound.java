package it.expertfeedback.faq;

import it.expertfeedback.base.api.NotFoundException;
import java.util.UUID;

/** No FAQ candidate with this id. 404 over REST, a "not found" notification in the browser. */
public final class CandidateNotFound extends NotFoundException {

    private CandidateNotFound(String message) {
        super(message);
    }

    public static CandidateNotFound of(UUID id) {
        return new CandidateNotFound("FAQ candidate " + id + " not found");
    }
}
