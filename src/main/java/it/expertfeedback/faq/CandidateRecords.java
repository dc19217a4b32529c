package it.expertfeedback.faq;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What the FAQ services share about one candidate: its audit snapshot and its row with the proposer named. */
@Component
class CandidateRecords {

    static final String AUDIT_ENTITY = "faq_candidate";

    private final FaqQueries queries;

    CandidateRecords(FaqQueries queries) {
        this.queries = queries;
    }

    /** The proposer's user id, if the candidate still has a proposing expert. */
    java.util.Optional<Integer> proposerUserId(FaqCandidate candidate) {
        return candidate.getExpertId() == null ? java.util.Optional.empty()
                : queries.proposer(candidate.getExpertId()).map(FaqQueries.Proposer::userId);
    }

    CandidateRow rowOf(FaqCandidate c) {
        FaqQueries.Proposer proposer = c.getExpertId() == null ? null : queries.proposer(c.getExpertId()).orElse(null);
        String expertName = c.getExpertId() == null ? null : proposer == null ? "—" : proposer.displayName();
        return new CandidateRow(c.getId(), c.getQuestion(), c.getAnswer(), c.getSuggestedCategory(), c.getSuggestedTags(),
                c.getRegulatoryReferences(), c.getFrequency(), c.getPriorityScore(), c.getExpertId(),
                proposer == null ? null : proposer.userId(), expertName,
                c.getExpertTrustScore(), c.getApprovalStatus(), c.isAutoApproved(), c.getRejectionReason(),
                c.getCreatedAt(), c.getApprovedAt(), c.getUpdatedAt(), c.getVersion(),
                c.getPublishedVersion(), c.getRetiredAt(), c.getRetirementReason());
    }

    static Map<String, Object> snapshot(FaqCandidate candidate) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("question", candidate.getQuestion());
        state.put("answer", candidate.getAnswer());
        state.put("approval_status", candidate.getApprovalStatus().code());
        state.put("suggested_category", candidate.getSuggestedCategory());
        state.put("suggested_tags", candidate.getSuggestedTags());
        state.put("regulatory_references", candidate.getRegulatoryReferences());
        state.put("frequency", candidate.getFrequency());
        state.put("expert_trust_score", candidate.getExpertTrustScore());
        state.put("priority_score", candidate.getPriorityScore());
        state.put("rejection_reason", candidate.getRejectionReason());
        state.put("rejection_kind", candidate.getRejectionKind() == null ? null : candidate.getRejectionKind().code());
        state.put("published_version", candidate.getPublishedVersion());
        state.put("retirement_reason", candidate.getRetirementReason());
        return state;
    }
}
