package it.expertfeedback.base.validation;

/**
 * The request clashes with the current state (a duplicate, a concurrent change, the last administrator):
 * a 409 over REST, a notification in the browser. The message is a bundle key.
 */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public ConflictException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
