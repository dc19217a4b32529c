package it.expertfeedback.support;

import it.expertfeedback.security.AppUserPrincipal;
import it.expertfeedback.security.Role;
import java.util.Arrays;
import java.util.EnumSet;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Calls services as a given person, the way a signed-in browser session or bearer token would: the same
 * principal type in the security context, so method security and CurrentUser see a real user.
 */
public final class SignedIn implements AutoCloseable {

    private SignedIn() {
    }

    public static SignedIn as(TestUsers.Created user, Role... roles) {
        EnumSet<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
        AppUserPrincipal principal = new AppUserPrincipal(user.id(), user.email(), "Utente di prova", set, "", true, false);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        return new SignedIn();
    }

    @Override
    public void close() {
        SecurityContextHolder.clearContext();
    }
}
