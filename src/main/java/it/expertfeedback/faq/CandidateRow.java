package it.expertfeedback.faq;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One candidate as lists show it (queue, golden set, an expert's own candidates). */
public record CandidateRow(UUID id, String question, String answer, String suggestedCategory, List<String> suggestedTags,
                           List<String> regulatoryReferences, int frequency, BigDecimal priorityScore,
                           UUID expertId, String expertName, Double expertTrustScore, CandidateStatus approvalStatus,
                           boolean autoApproved, String rejectionReason, Instant createdAt, Instant approvedAt,
                           Instant updatedAt, long version) {
}
