package it.expertfeedback.expert;

import java.time.Instant;

/** The trust score as it was computed at one moment, with its five components and why it was computed. */
public record TrustHistoryEntry(Instant computedAt, double trustScore, double credentials, double experience,
                                double trackRecord, double responsiveness, double breadth, String reason) {
}
