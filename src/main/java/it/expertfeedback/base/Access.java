package it.expertfeedback.base;

/**
 * Role names and the method-security expressions built from them, as compile-time constants for annotations.
 * They live in base because base itself guards the audit log and must not depend on the security feature;
 * features use {@code security.AppRoles}, which re-exports exactly these values.
 */
public final class Access {

    public static final String EXPERT = "EXPERT";
    public static final String REVIEWER = "REVIEWER";
    public static final String ADMIN = "ADMIN";

    public static final String IS_ADMIN = "hasRole('" + ADMIN + "')";
    public static final String IS_EXPERT = "hasRole('" + EXPERT + "')";
    public static final String IS_REVIEWER_OR_ADMIN = "hasAnyRole('" + REVIEWER + "', '" + ADMIN + "')";
    public static final String IS_AUTHENTICATED = "isAuthenticated()";
    /** For the few methods that run before anyone is signed in (login, the audit writer called from them). */
    public static final String PERMIT_ALL = "permitAll()";

    private Access() {
    }
}
