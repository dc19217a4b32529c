package it.expertfeedback.security;

import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads accounts for password login; a locked or disabled account is reported as such to Spring Security. */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;
    private final Clock clock;

    DatabaseUserDetailsService(UserAccountRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    // Anyone: it runs while someone is signing in, before there is an authenticated caller.
    @Override
    @Transactional(readOnly = true)
    @PreAuthorize(AppRoles.PERMIT_ALL)
    public UserDetails loadUserByUsername(String email) {
        UserAccount user = users.findByEmail(UserAccount.normalizeEmail(email))
                .orElseThrow(() -> new UsernameNotFoundException("No account for " + email));
        return AppUserPrincipal.of(user, user.isLocked(clock.instant()));
    }
}
