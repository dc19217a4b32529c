package it.expertfeedback.security;

import it.expertfeedback.base.api.NotFoundException;
import it.expertfeedback.base.audit.AuditService;
import it.expertfeedback.base.validation.FieldProblem;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.base.validation.TextRules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assistant's API keys (DOMAIN.md §1, §8): an admin creates one (the secret is shown once), names it, may give it
 * an expiry and revokes it. The key travels as {@code Authorization: Bearer efs_ak_...}; the prefix tells it apart
 * from a login token (a JWT never starts with it).
 */
@Service
@Transactional(readOnly = true)
public class ApiKeyService {

    public static final String PREFIX = "efs_ak_";
    private static final int NAME_MAX = 100;
    private static final String AUDIT_ENTITY = "api_key";

    private final ApiKeyQueries queries;
    private final AuditService audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeyQueries queries, AuditService audit, Clock clock) {
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public IssuedApiKey create(String name, Instant expiresAt) {
        String clean = TextRules.clean(name);
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        if (clean == null) {
            problems.put("name", FieldProblem.of("validation.required"));
        }
        TextRules.maxLength(problems, "name", clean, NAME_MAX);
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            problems.put("expires_at", FieldProblem.of("apikey.error.expiry-past"));
        }
        InvalidInputException.throwIfAny(problems);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        queries.insert(id, clean, secret.substring(0, PREFIX.length() + 4), sha256(secret), CurrentUser.requireId(), expiresAt);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", clean);
        after.put("expires_at", expiresAt == null ? null : expiresAt.toString());
        audit.record(AUDIT_ENTITY, id, "created", null, after);
        return new IssuedApiKey(id, clean, secret);
    }

    @PreAuthorize(AppRoles.IS_ADMIN)
    public List<ApiKeyRow> list() {
        return queries.all();
    }

    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public void revoke(UUID id) {
        ApiKeyRow row = queries.find(id).orElseThrow(() -> new NotFoundException("No API key " + id));
        if (queries.revoke(id, CurrentUser.requireId(), clock.instant())) {
            Map<String, Object> revokedKey = Map.of("name", row.name());
            audit.record(AUDIT_ENTITY, id, "revoked", revokedKey, null);
        }
    }

    /** Called by the API filter before anyone is authenticated: the usable key behind the secret, if any. */
    @Transactional
    @PreAuthorize(AppRoles.PERMIT_ALL)
    public Optional<AssistantPrincipal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<AssistantPrincipal> key = queries.findUsable(sha256(secret), now);
        key.ifPresent(found -> queries.touch(found.keyId(), now));
        return key;
    }

    /**
     * SHA-256 and not BCrypt: the secret is 256 random bits, so there is nothing to guess and no dictionary to
     * slow down; a fast hash keeps the per-request lookup one index probe.
     */
    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }
}
