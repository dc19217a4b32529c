package it.expertfeedback.expert;

import it.expertfeedback.base.api.NotFoundException;
import java.util.UUID;

/** No expert profile with this id. 404 over REST, a "not found" notification in the browser. */
public final class ExpertNotFound extends NotFoundException {

    private ExpertNotFound(String message) {
        super(message);
    }

    public static ExpertNotFound of(UUID id) {
        return new ExpertNotFound("Expert " + id + " not found");
    }
}
