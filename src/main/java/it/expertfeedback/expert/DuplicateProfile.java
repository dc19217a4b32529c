package it.expertfeedback.expert;

import it.expertfeedback.base.validation.ConflictException;

/** The account already has an expert profile (or the registration number is taken): 409. */
public final class DuplicateProfile extends ConflictException {

    private DuplicateProfile() {
        super("expert.error.duplicate-profile");
    }

    public static DuplicateProfile of() {
        return new DuplicateProfile();
    }
}
