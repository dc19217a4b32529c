package it.expertfeedback.inbox;

import it.expertfeedback.base.validation.ConflictException;

/** The query_id is known with different content: the assistant sent two different answers under one id (409). */
public final class ReviewRequestConflict extends ConflictException {

    private ReviewRequestConflict() {
        super("inbox.error.conflict");
    }

    public static ReviewRequestConflict of() {
        return new ReviewRequestConflict();
    }
}
