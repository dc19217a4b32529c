package it.expertfeedback.security;

import it.expertfeedback.base.audit.AuditActor;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, the same for a browser session and for a bearer token, so services read
 * "who is calling" in one way.
 */
public record AppUserPrincipal(Integer userId, String email, String displayName, Set<Role> roles,
                               String passwordHash, boolean enabled, boolean locked, int tokenVersion)
        implements UserDetails, AuditActor {

    /** Without a token version (0): for principals that never get a bearer token issued from them. */
    public AppUserPrincipal(Integer userId, String email, String displayName, Set<Role> roles,
                            String passwordHash, boolean enabled, boolean locked) {
        this(userId, email, displayName, roles, passwordHash, enabled, locked, 0);
    }

    static AppUserPrincipal of(UserAccount user, boolean locked) {
        // The token version read together with the password hash: a token issued from this sign-in carries the
        // version the password was checked against, so a change made meanwhile still revokes it.
        return new AppUserPrincipal(user.getId(), user.getEmail(), user.getDisplayName(), user.getRoles(),
                user.getPasswordHash(), user.isEnabled(), locked, user.getTokenVersion());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        // Never print the password hash.
        return "AppUserPrincipal[" + userId + ", " + email + ", " + roles + "]";
    }
}
