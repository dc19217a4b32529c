package it.expertfeedback.inbox;

import it.expertfeedback.base.validation.NotAllowedException;

/** Only an active, verified expert takes work from the inbox (403). */
public final class InboxNotAllowed extends NotAllowedException {

    private InboxNotAllowed() {
        super("feedback.error.not-allowed");
    }

    public static InboxNotAllowed of() {
        return new InboxNotAllowed();
    }
}
