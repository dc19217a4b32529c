package it.expertfeedback.faq;

import it.expertfeedback.base.audit.AuditService;
import it.expertfeedback.expert.ExpertService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The FAQ feature's door: candidates, decisions and the published golden set. */
@Service
@Transactional(readOnly = true)
public class FaqService {

    static final String AUDIT_ENTITY = "faq_candidate";

    private final FaqCandidateRepository candidates;
    private final ExpertService experts;
    private final AuditService audit;
    private final JdbcClient jdbc;

    FaqService(FaqCandidateRepository candidates, ExpertService experts, AuditService audit, JdbcClient jdbc) {
        this.candidates = candidates;
        this.experts = experts;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public long countPendingCandidates() {
        return candidates.countByApprovalStatus(FaqCandidate.STATUS_PENDING);
    }

    /** Pending candidates that came from the signed-in expert's feedback. */
    @PreAuthorize("hasRole('EXPERT')")
    public long countMyPendingCandidates() {
        return experts.findProfileOfCurrentUser()
                .map(profile -> candidates.countByExpertIdAndApprovalStatus(profile.getId(), FaqCandidate.STATUS_PENDING))
                .orElse(0L);
    }

    /**
     * Turns a feedback into a candidate, in the submission's transaction (DOMAIN.md §5): a pending candidate with
     * the same normalized question absorbs it (frequency + 1), otherwise a new pending one starts at frequency 1.
     * Either way the candidate links back to the feedback.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize("isAuthenticated()")
    public ProposalOutcome propose(FaqProposal proposal) {
        String normalized = QuestionNormalizer.normalize(proposal.question());
        // Two submissions of the same question at once must not create two candidates: the second waits here
        // until the first commits, then finds its candidate.
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext(:key))").param("key", "faq:" + normalized).query(Integer.class).single();
        Optional<FaqCandidate> existing = candidates.findPendingByNormalizedQuestion(normalized);
        FaqCandidate candidate;
        boolean created;
        if (existing.isPresent()) {
            candidate = existing.get();
            Map<String, Object> before = snapshot(candidate);
            candidate.absorbAnotherOccurrence();
            candidates.flush();
            audit.record(AUDIT_ENTITY, candidate.getId(), "merged", before, snapshot(candidate));
            created = false;
        } else {
            candidate = candidates.saveAndFlush(FaqCandidate.proposed(proposal));
            audit.record(AUDIT_ENTITY, candidate.getId(), "proposed", null, snapshot(candidate));
            created = true;
        }
        jdbc.sql("insert into expert_faq_candidate_feedback (candidate_id, feedback_id) values (:c, :f) on conflict do nothing")
                .param("c", candidate.getId()).param("f", proposal.feedbackId()).update();
        return new ProposalOutcome(candidate.getId(), created, candidate.getFrequency(), candidate.getApprovalStatus());
    }

    /** The candidate a feedback produced or was merged into, if any. */
    @PreAuthorize("isAuthenticated()")
    public Optional<ProposalOutcome> candidateOfFeedback(UUID feedbackId) {
        return jdbc.sql("""
                        select c.id, c.frequency, c.approval_status from expert_faq_candidate_feedback l
                        join expert_faq_candidates c on c.id = l.candidate_id where l.feedback_id = :f""")
                .param("f", feedbackId)
                .query((rs, n) -> new ProposalOutcome(rs.getObject("id", UUID.class), false, rs.getInt("frequency"),
                        rs.getString("approval_status")))
                .optional();
    }

    static Map<String, Object> snapshot(FaqCandidate candidate) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("question", candidate.getQuestion());
        state.put("answer", candidate.getAnswer());
        state.put("approval_status", candidate.getApprovalStatus());
        state.put("suggested_category", candidate.getSuggestedCategory());
        state.put("regulatory_references", candidate.getRegulatoryReferences());
        state.put("frequency", candidate.getFrequency());
        state.put("expert_trust_score", candidate.getExpertTrustScore());
        state.put("priority_score", candidate.getPriorityScore());
        return state;
    }
}
