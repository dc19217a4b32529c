package it.expertfeedback.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) for REST login per client address and per email, and for API calls per bearer token.
 * Each limit is "so many per window", refilled gradually. The buckets live in this node's memory, bounded by
 * Caffeine so that a flood of addresses or emails cannot grow it without end; with several instances each
 * counts on its own (the account lock-out in the database is the limit that holds across instances).
 */
@Component
class RateLimits {

    private static final int MAX_KEYS = 100_000;

    private final int loginPerIp;
    private final int loginPerEmail;
    private final int apiPerToken;
    private final Duration window;
    private final Cache<String, Bucket> loginByIp;
    private final Cache<String, Bucket> loginByEmail;
    private final Cache<String, Bucket> apiByToken;

    RateLimits(@Value("${efs.rate-limit.login-per-ip:600}") int loginPerIp,
               @Value("${efs.rate-limit.login-per-email:30}") int loginPerEmail,
               @Value("${efs.rate-limit.api-per-token:12000}") int apiPerToken,
               @Value("${efs.rate-limit.window:PT1M}") Duration window) {
        this.loginPerIp = loginPerIp;
        this.loginPerEmail = loginPerEmail;
        this.apiPerToken = apiPerToken;
        this.window = window;
        this.loginByIp = cache();
        this.loginByEmail = cache();
        this.apiByToken = cache();
    }

    /** Empty when this login attempt may go ahead, else how long the client must wait. */
    Optional<Duration> tryLogin(String clientAddress, String email) {
        Optional<Duration> byIp = consume(loginByIp, clientAddress, loginPerIp);
        if (byIp.isPresent()) {
            return byIp;
        }
        return consume(loginByEmail, UserAccount.normalizeEmail(email == null ? "" : email), loginPerEmail);
    }

    /** Empty when this API call may go ahead, else how long the client must wait. */
    Optional<Duration> tryApiCall(String token) {
        return consume(apiByToken, token, apiPerToken);
    }

    private Optional<Duration> consume(Cache<String, Bucket> buckets, String key, int perWindow) {
        Bucket bucket = buckets.get(key, ignored -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perWindow).refillGreedy(perWindow, window)).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Cache<String, Bucket> cache() {
        // A bucket untouched for a whole window is full again: forgetting it changes nothing.
        return Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(window).build();
    }

    /** Retry-After in whole seconds, at least 1. */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
