package it.expertfeedback.security;

import it.expertfeedback.base.Access;

/**
 * Role names and method-security expressions for annotations (@RolesAllowed, @PreAuthorize), which need
 * compile-time constants: {@code @PreAuthorize(AppRoles.IS_ADMIN)} instead of a string literal per method.
 * The values are defined once, in {@link Access}, so base can guard its own views too.
 */
public final class AppRoles {

    public static final String EXPERT = Access.EXPERT;
    public static final String REVIEWER = Access.REVIEWER;
    public static final String ADMIN = Access.ADMIN;

    public static final String IS_ADMIN = Access.IS_ADMIN;
    public static final String IS_EXPERT = Access.IS_EXPERT;
    public static final String IS_REVIEWER_OR_ADMIN = Access.IS_REVIEWER_OR_ADMIN;
    public static final String IS_AUTHENTICATED = Access.IS_AUTHENTICATED;
    public static final String PERMIT_ALL = Access.PERMIT_ALL;

    /** The AI assistant's backend with an API key (DOMAIN.md §1): not a role of a person, never in user_role. */
    public static final String ASSISTANT = "ASSISTANT";
    public static final String IS_ASSISTANT_OR_ADMIN = "hasAnyRole('" + ASSISTANT + "', '" + ADMIN + "')";
    public static final String IS_ASSISTANT_REVIEWER_OR_ADMIN =
            "hasAnyRole('" + ASSISTANT + "', '" + REVIEWER + "', '" + ADMIN + "')";

    private AppRoles() {
    }
}
