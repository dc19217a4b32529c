package it.expertfeedback.faq;

import it.expertfeedback.base.audit.AuditService;
import it.expertfeedback.expert.ExpertProfile;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.expert.ExpertStanding;
import it.expertfeedback.security.AppRoles;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Candidates from feedback (DOMAIN.md §5): dedup by normalized question, auto-approval, and what an expert sees
 * of the candidates their feedback produced.
 */
@Service
@Transactional(readOnly = true)
public class FaqProposalService {

    private final FaqCandidateRepository candidates;
    private final FaqQueries queries;
    private final CandidateRecords records;
    private final AutoApprovalSettingsService settings;
    private final ExpertService experts;
    private final AuditService audit;
    private final Clock clock;

    FaqProposalService(FaqCandidateRepository candidates, FaqQueries queries, CandidateRecords records,
                       AutoApprovalSettingsService settings, ExpertService experts, AuditService audit, Clock clock) {
        this.candidates = candidates;
        this.queries = queries;
        this.records = records;
        this.settings = settings;
        this.experts = experts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The first locks of a submission that may propose {@code question} (DD012: question, then candidate, then
     * profile): the question's advisory lock and the row of the pending candidate it would merge into. Taken before
     * the submission locks the expert's profile, in the order a reviewer's decision takes them, so the two never
     * wait for each other in a cycle.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public void lockQuestion(String question) {
        String normalized = QuestionNormalizer.normalize(question);
        queries.lockQuestion(normalized);
        candidates.lockPendingByNormalizedQuestion(normalized);
    }

    /**
     * Turns a feedback into a candidate, in the submission's transaction (DOMAIN.md §5): a pending candidate with
     * the same normalized question absorbs it (frequency + 1), otherwise a new pending one starts at frequency 1.
     * Either way the candidate links back to the feedback, and the auto-approval rule is applied.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public ProposalOutcome propose(FaqProposal proposal) {
        String normalized = QuestionNormalizer.normalize(proposal.question());
        // Re-entrant when the submission took them already; a candidate decided before the lock is no longer pending
        // here, and the feedback starts a new candidate instead of being lost (DOMAIN.md §4).
        queries.lockQuestion(normalized);
        Optional<FaqCandidate> existing = candidates.lockPendingByNormalizedQuestion(normalized);
        FaqCandidate candidate;
        boolean created;
        if (existing.isPresent()) {
            candidate = existing.get();
            Map<String, Object> before = CandidateRecords.snapshot(candidate);
            candidate.absorbAnotherOccurrence();
            candidates.flush();
            audit.record(CandidateRecords.AUDIT_ENTITY, candidate.getId(), "merged", before, CandidateRecords.snapshot(candidate));
            created = false;
        } else {
            candidate = candidates.saveAndFlush(FaqCandidate.proposed(proposal));
            audit.record(CandidateRecords.AUDIT_ENTITY, candidate.getId(), "proposed", null, CandidateRecords.snapshot(candidate));
            created = true;
        }
        queries.link(candidate.getId(), proposal.feedbackId());
        applyAutoApproval(candidate);
        return new ProposalOutcome(candidate.getId(), created, candidate.getFrequency(), candidate.getApprovalStatus());
    }

    /** §5: approved at once when the proposing expert and the candidate meet every threshold; audited either way. */
    private void applyAutoApproval(FaqCandidate candidate) {
        Optional<ExpertStanding> expert = candidate.getExpertId() == null ? Optional.empty()
                : experts.standingOf(candidate.getExpertId());
        AutoApprovalRule.Facts facts = new AutoApprovalRule.Facts(
                expert.map(ExpertStanding::active).orElse(false), expert.map(ExpertStanding::verified).orElse(false),
                expert.map(ExpertStanding::trustScore).orElse(0.0),
                candidate.getConfidenceScore() == null ? 0.0 : candidate.getConfidenceScore(),
                expert.map(ExpertStanding::resolved).orElse(0),
                queries.approvedWithDifferentAnswer(candidate.getNormalizedQuestion(), candidate.getAnswer()));
        AutoApprovalRule.Outcome outcome = AutoApprovalRule.evaluate(settings.autoApprovalSettings(), facts);
        if (outcome.approve()) {
            Map<String, Object> before = CandidateRecords.snapshot(candidate);
            candidate.autoApprove(clock.instant());
            candidates.flush();
            Map<String, Object> after = CandidateRecords.snapshot(candidate);
            after.put("approved_by_rule", outcome.seen());
            audit.record(CandidateRecords.AUDIT_ENTITY, candidate.getId(), "auto_approved", before, after);
        }
    }

    /** The candidate a feedback produced or was merged into, if any. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public Optional<ProposalOutcome> candidateOfFeedback(UUID feedbackId) {
        return queries.candidateOfFeedback(feedbackId);
    }

    /** Pending candidates that came from the signed-in expert's feedback. */
    @PreAuthorize(AppRoles.IS_EXPERT)
    public long countMyPendingCandidates() {
        return experts.findProfileOfCurrentUser()
                .map(profile -> candidates.countByExpertIdAndApprovalStatus(profile.getId(), CandidateStatus.pending))
                .orElse(0L);
    }

    /** The candidates the signed-in expert proposed or fed, with status and rejection reason. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public List<CandidateRow> myCandidates(Pageable page) {
        return experts.findProfileOfCurrentUser()
                .map(profile -> queries.ofExpert(profile.getId(), page.getOffset(), page.getPageSize()))
                .orElse(List.of());
    }

    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public long countMyCandidates() {
        return experts.findProfileOfCurrentUser().map(ExpertProfile::getId).map(queries::ofExpertCount).orElse(0L);
    }
}
