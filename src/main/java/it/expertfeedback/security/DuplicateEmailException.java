package it.expertfeedback.security;

import it.expertfeedback.base.validation.ConflictException;

/** An account with this email exists already. */
public class DuplicateEmailException extends ConflictException {

    public DuplicateEmailException(String email) {
        super("user.error.duplicate-email", email);
    }
}
