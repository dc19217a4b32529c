package it.expertfeedback.security;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Counts wrong passwords per account (browser and API alike) and locks after five in a row. */
@Component
class LoginAttemptListener {

    private static final Logger log = LoggerFactory.getLogger(LoginAttemptListener.class);

    private final UserAccountRepository users;
    private final Clock clock;

    LoginAttemptListener(UserAccountRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onBadPassword(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token)) {
            return;
        }
        users.findByEmail(UserAccount.normalizeEmail(String.valueOf(token.getPrincipal()))).ifPresent(user -> {
            user.recordFailedLogin(clock.instant());
            if (user.isLocked(clock.instant())) {
                log.warn("Account {} locked until {} after {} failed logins",
                        user.getId(), user.getLockedUntil(), user.getFailedLoginAttempts());
            }
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AppUserPrincipal principal
                && event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            users.findById(principal.userId())
                    .filter(user -> user.getFailedLoginAttempts() > 0 || user.getLockedUntil() != null)
                    .ifPresent(UserAccount::recordSuccessfulLogin);
        }
    }
}
