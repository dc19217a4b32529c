package it.expertfeedback.inbox;

import it.expertfeedback.base.validation.ConflictException;

/** The request cannot be settled (any more): already settled, not complete, or its reviewers agree (409). */
public final class SettlementConflict extends ConflictException {

    private SettlementConflict(String messageKey) {
        super(messageKey);
    }

    public static SettlementConflict alreadySettled() {
        return new SettlementConflict("inbox.error.already-settled");
    }

    public static SettlementConflict notADisagreement() {
        return new SettlementConflict("inbox.error.not-a-disagreement");
    }
}
