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
                               String passwordHash, boolean enabled, boolean locked) implements UserDetails, AuditActor {

    static AppUserPrincipal of(UserAccount user, boolean locked) {
        return new AppUserPrincipal(user.getId(), user.getEmail(), user.getDisplayName(), user.getRoles(),
                user.getPasswordHash(), user.isEnabled(), locked);
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
