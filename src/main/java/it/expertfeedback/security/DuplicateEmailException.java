package it.expertfeedback.security;

/** An account with this email exists already. */
public class DuplicateEmailException extends RuntimeException {

    public DuplicateEmailException(String email) {
        super("An account with email " + email + " already exists");
    }
}
