package it.expertfeedback.faq;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One candidate as lists show it (queue, golden set, an expert's own candidates), with the proposer's user id and
 * name so a decision (four eyes) and a screen need not ask other features who the proposer is.
 */
public record CandidateRow(UUID id, String question, String answer, String suggestedCategory, List<String> suggestedTags,
                           List<String> regulatoryReferences, int frequency, BigDecimal priorityScore,
                           UUID expertId, Integer expertUserId, String expertName, Double expertTrustScore, CandidateStatus approvalStatus,
                           boolean autoApproved, String rejectionReason, Instant createdAt, Instant approvedAt,
                           Instant updatedAt, long version) {
}
