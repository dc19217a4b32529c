package it.expertfeedback.security;

import java.util.UUID;

/** A newly created key: {@code secret} is shown once and never stored. */
public record IssuedApiKey(UUID id, String name, String secret) {
}
