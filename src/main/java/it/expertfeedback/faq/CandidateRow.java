package it.expertfeedback.faq;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One candidate as lists show it (queue, golden set, an expert's own candidates), with the proposer's user id and
 * name so a decision (four eyes) and a screen need not ask other features who the proposer is. {@code version} is the
 * row's optimistic lock (decisions send it back); {@code publishedVersion} counts the published FAQ's versions (§5,
 * 0 while not published), {@code retiredAt} marks a retired FAQ.
 */
public record CandidateRow(UUID id, String question, String answer, String suggestedCategory, List<String> suggestedTags,
                           List<String> regulatoryReferences, int frequency, BigDecimal priorityScore,
                           UUID expertId, Integer expertUserId, String expertName, Double expertTrustScore, CandidateStatus approvalStatus,
                           boolean autoApproved, String rejectionReason, Instant createdAt, Instant approvedAt,
                           Instant updatedAt, long version, int publishedVersion, Instant retiredAt,
                           String retirementReason) {

    /** The status the assistant reads: a retired FAQ is no longer "approved". */
    public String publicStatus() {
        return retiredAt != null ? "retired" : approvalStatus.code();
    }
}
