package it.expertfeedback.base.api;

/** Unknown id, or one the caller may not see: both answer 404 so ids cannot be probed. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(what + " " + id + " not found");
    }
}
