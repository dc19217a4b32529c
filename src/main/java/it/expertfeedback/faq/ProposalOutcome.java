package it.expertfeedback.faq;

import java.util.UUID;

/** Where a feedback's proposal went: a new candidate, or an existing pending one whose frequency grew. */
public record ProposalOutcome(UUID candidateId, boolean created, int frequency, CandidateStatus approvalStatus) {
}
