package it.expertfeedback.security;

import java.time.Clock;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a valid token into the same principal a browser session has. The account is read from the database on each
 * call: a token whose version is older than the account's (password changed or reset, locked, disabled, roles
 * changed) is refused, and an account that still has a one-time password gets no role, only
 * {@link #ONE_TIME_PASSWORD}, which allows nothing but changing it.
 */
@Component
class BearerTokenAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    /** The only authority of an account that must replace its one-time password first. */
    static final String ONE_TIME_PASSWORD = "ONE_TIME_PASSWORD";

    private final UserAccountRepository users;
    private final Clock clock;

    BearerTokenAuthenticationConverter(UserAccountRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Integer userId;
        try {
            userId = Integer.valueOf(jwt.getSubject());
        } catch (NumberFormatException notOurs) {
            throw new InvalidBearerTokenException("Token subject is not an account");
        }
        UserAccount user = users.findById(userId)
                .filter(UserAccount::isEnabled)
                .orElseThrow(() -> new DisabledException("Account disabled or removed"));
        Object version = jwt.getClaims().get(TokenService.TOKEN_VERSION_CLAIM);
        if (!(version instanceof Number number) || number.longValue() != user.getTokenVersion()) {
            throw new InvalidBearerTokenException("Token revoked by a change of the account");
        }
        if (user.isLocked(clock.instant())) {
            throw new InvalidBearerTokenException("Account locked");
        }
        AppUserPrincipal principal = AppUserPrincipal.of(user, false);
        if (user.isPasswordChangeRequired()) {
            return new UsernamePasswordAuthenticationToken(principal, null,
                    List.of(new SimpleGrantedAuthority(ONE_TIME_PASSWORD)));
        }
        return new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities());
    }
}
