package it.expertfeedback.inbox;

import it.expertfeedback.base.api.NotFoundException;
import java.util.UUID;

/** No such request, or (for an expert) none they hold a claim on: 404 either way, no existence oracle. */
public final class ReviewRequestNotFound extends NotFoundException {

    private ReviewRequestNotFound(String message) {
        super(message);
    }

    public static ReviewRequestNotFound of(UUID id) {
        return new ReviewRequestNotFound("Review request " + id + " not found");
    }

    public static ReviewRequestNotFound noClaim(UUID id) {
        return new ReviewRequestNotFound("You hold no claim on review request " + id);
    }
}
