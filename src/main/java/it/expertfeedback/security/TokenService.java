package it.expertfeedback.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/** Issues the API's bearer tokens: signed, short-lived, naming only the user id and its token version. */
@Service
class TokenService {

    /** The account's token_version when the token was issued; a later change of the account increments it. */
    static final String TOKEN_VERSION_CLAIM = "tv";

    private final JwtEncoder encoder;
    private final Clock clock;
    private final Duration lifetime;

    TokenService(JwtEncoder encoder, Clock clock,
                 @Value("${efs.security.token-lifetime:PT1H}") Duration lifetime) {
        this.encoder = encoder;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    IssuedToken issue(AppUserPrincipal user) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("expert-feedback-system")
                .subject(String.valueOf(user.userId()))
                .claim(TOKEN_VERSION_CLAIM, user.tokenVersion())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(token, lifetime.toSeconds());
    }

    record IssuedToken(String value, long expiresInSeconds) {
    }
}
