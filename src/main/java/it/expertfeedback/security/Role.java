package it.expertfeedback.security;

/** What a person may do (DOMAIN.md §1). A user may hold several. */
public enum Role {
    EXPERT,
    REVIEWER,
    ADMIN;

    /** Spring Security authority name, as used by hasRole()/@RolesAllowed. */
    public String authority() {
        return "ROLE_" + name();
    }

    public String labelKey() {
        return "role." + name();
    }
}
