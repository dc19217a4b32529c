package it.expertfeedback.inbox;

import java.time.Instant;

/** An expert passed on a request (it stays open for the others). Who skipped is not told to the assistant. */
public record SkipInfo(String reason, Instant skippedAt) {
}
