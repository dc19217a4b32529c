package it.expertfeedback.faq;

import it.expertfeedback.base.validation.ConflictException;

/** The FAQ was edited or retired since the caller read it (a stale version, or no longer published): 409. */
public final class FaqVersionConflict extends ConflictException {

    private FaqVersionConflict(String messageKey) {
        super(messageKey);
    }

    public static FaqVersionConflict stale() {
        return new FaqVersionConflict("faq.error.stale-version");
    }

    public static FaqVersionConflict retired() {
        return new FaqVersionConflict("faq.error.retired");
    }
}
