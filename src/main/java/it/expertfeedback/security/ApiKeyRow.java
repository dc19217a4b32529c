package it.expertfeedback.security;

import java.time.Instant;
import java.util.UUID;

/** An API key as the admin sees it: never the key itself, only the first characters that identify it. */
public record ApiKeyRow(UUID id, String name, String keyPrefix, Instant createdAt, String createdBy, Instant expiresAt,
                        Instant revokedAt, Instant lastUsedAt) {

    public boolean usable(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
