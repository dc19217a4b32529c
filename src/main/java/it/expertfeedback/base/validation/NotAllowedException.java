package it.expertfeedback.base.validation;

import org.springframework.security.access.AccessDeniedException;

/**
 * The caller's role would allow the action, but a workflow rule forbids it for them (four eyes: nobody judges
 * their own feedback; only an active, verified expert submits). 403 over REST, a message in the browser.
 */
public class NotAllowedException extends AccessDeniedException {

    private final String messageKey;

    public NotAllowedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
