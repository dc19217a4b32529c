package it.expertfeedback.security;

import java.time.Clock;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a valid token into the same principal a browser session has. Roles and the enabled flag are read
 * from the database on each call, so disabling a user or removing a role takes effect at once.
 */
@Component
class BearerTokenAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final UserAccountRepository users;
    private final Clock clock;

    BearerTokenAuthenticationConverter(UserAccountRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Integer userId = Integer.valueOf(jwt.getSubject());
        UserAccount user = users.findById(userId)
                .filter(UserAccount::isEnabled)
                .orElseThrow(() -> new DisabledException("Account disabled or removed"));
        AppUserPrincipal principal = AppUserPrincipal.of(user, user.isLocked(clock.instant()));
        return new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities());
    }
}
