package it.expertfeedback.feedback;

import it.expertfeedback.base.api.NotFoundException;
import java.util.UUID;

/** No feedback with this id, or one the caller may not see. 404 over REST, a "not found" notification in the browser. */
public final class FeedbackNotFound extends NotFoundException {

    private FeedbackNotFound(String message) {
        super(message);
    }

    public static FeedbackNotFound of(UUID id) {
        return new FeedbackNotFound("Feedback " + id + " not found");
    }
}
