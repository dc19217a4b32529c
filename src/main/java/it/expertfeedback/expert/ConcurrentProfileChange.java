package it.expertfeedback.expert;

import it.expertfeedback.base.validation.ConflictException;

/** Someone else saved the profile since it was opened: 409, reload and retry. */
public final class ConcurrentProfileChange extends ConflictException {

    private ConcurrentProfileChange() {
        super("error.concurrent-change");
    }

    public static ConcurrentProfileChange of() {
        return new ConcurrentProfileChange();
    }
}
