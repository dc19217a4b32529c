package it.expertfeedback.security;

/** Role names for annotations (@RolesAllowed, @PreAuthorize), which need compile-time constants. */
public final class AppRoles {

    public static final String EXPERT = "EXPERT";
    public static final String REVIEWER = "REVIEWER";
    public static final String ADMIN = "ADMIN";

    private AppRoles() {
    }
}
