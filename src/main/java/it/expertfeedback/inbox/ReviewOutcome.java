package it.expertfeedback.inbox;

import java.time.Instant;
import java.util.UUID;

/** One completed review of a request: the feedback it produced, its verdict and the FAQ candidate, if any. */
public record ReviewOutcome(UUID feedbackId, String feedbackType, UUID faqCandidateId, Instant completedAt) {
}
