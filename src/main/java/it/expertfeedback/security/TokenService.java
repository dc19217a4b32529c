package it.expertfeedback.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the API's bearer tokens (signed, short-lived, naming only the user id and its token version) and the
 * refresh tokens that renew them (DOMAIN.md §9): random, stored hashed, single-use, rotated on every use, and dead
 * once the account's token_version moves on (the same changes that revoke access tokens).
 */
@Service
class TokenService {

    /** The account's token_version when the token was issued; a later change of the account increments it. */
    static final String TOKEN_VERSION_CLAIM = "tv";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JwtEncoder encoder;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration refreshLifetime;
    private final RefreshTokenQueries refreshTokens;
    private final UserAccountRepository users;

    TokenService(JwtEncoder encoder, Clock clock,
                 @Value("${efs.security.token-lifetime:PT1H}") Duration lifetime,
                 @Value("${efs.security.refresh-token-lifetime:P14D}") Duration refreshLifetime,
                 RefreshTokenQueries refreshTokens, UserAccountRepository users) {
        this.encoder = encoder;
        this.clock = clock;
        this.lifetime = lifetime;
        this.refreshLifetime = refreshLifetime;
        this.refreshTokens = refreshTokens;
        this.users = users;
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
        return new IssuedToken(token, lifetime.toSeconds(), now.plus(lifetime));
    }

    /** An access token and a new refresh token for the account (login, and every refresh). */
    @Transactional
    TokenPair issuePair(AppUserPrincipal user) {
        IssuedToken access = issue(user);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        refreshTokens.insert(user.userId(), hash(refresh), user.tokenVersion(), clock.instant().plus(refreshLifetime));
        return new TokenPair(access, refresh);
    }

    /**
     * Uses a refresh token up and issues a new pair; empty (401 for the caller) when the token is unknown, used,
     * expired, or its account was changed (token_version), disabled or locked since.
     */
    @Transactional
    Optional<TokenPair> refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return refreshTokens.consume(hash(refreshToken.strip()), now)
                .flatMap(used -> users.findById(used.userId())
                        .filter(UserAccount::isEnabled)
                        .filter(account -> account.getTokenVersion() == used.tokenVersion())
                        .filter(account -> !account.isLocked(now)))
                .map(account -> issuePair(AppUserPrincipal.of(account, false)));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            // Every Java runtime must provide SHA-256.
            throw new IllegalStateException(impossible);
        }
    }

    record IssuedToken(String value, long expiresInSeconds, Instant expiresAt) {
    }

    record TokenPair(IssuedToken access, String refreshToken) {
    }
}
