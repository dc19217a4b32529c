package it.expertfeedback.faq;

import java.util.List;
import java.util.UUID;

/**
 * What a feedback proposes for the golden set (DOMAIN.md §5): the question, the answer the expert stands
 * behind, and the facts priority and auto-approval are computed from.
 */
public record FaqProposal(UUID feedbackId, UUID expertId, String question, String answer,
                          List<String> regulatoryReferences, String suggestedCategory, double confidenceScore,
                          double expertTrustScore) {
}
