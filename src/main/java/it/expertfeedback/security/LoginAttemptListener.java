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

/** Counts wrong passwords per account (browser and API alike) and locks after five in a row (atomic UPDATEs). */
@Component
class LoginAttemptListener {

    private static final Logger log = LoggerFactory.getLogger(LoginAttemptListener.class);

    private final LoginAttemptQueries attempts;
    private final Clock clock;

    LoginAttemptListener(LoginAttemptQueries attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onBadPassword(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token)) {
            return;
        }
        attempts.countFailure(UserAccount.normalizeEmail(String.valueOf(token.getPrincipal())), clock.instant())
                .filter(counted -> counted.lockedUntil() != null)
                .ifPresent(locked -> log.warn("Account {} locked until {} after {} failed logins",
                        locked.userId(), locked.lockedUntil(), locked.failedAttempts()));
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AppUserPrincipal principal
                && event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            attempts.reset(principal.userId());
        }
    }
}
