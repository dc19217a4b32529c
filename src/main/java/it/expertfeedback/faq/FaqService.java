package it.expertfeedback.faq;

import it.expertfeedback.base.audit.AuditService;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.expert.ExpertProfile;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.expert.ExpertStanding;
import it.expertfeedback.security.AppRoles;
import it.expertfeedback.security.CurrentUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FAQ feature's door: candidates from feedback (dedup, auto-approval), the reviewers' decisions, the
 * published golden set and its exports, and each expert's own candidates. DOMAIN.md §5.
 */
@Service
@Transactional(readOnly = true)
public class FaqService {

    static final String AUDIT_ENTITY = "faq_candidate";
    private static final int SIMILAR_SHOWN = 8;

    private final FaqCandidateRepository candidates;
    private final FaqQueries queries;
    private final ExpertService experts;
    private final FeedbackBehindCandidates feedback;
    private final AuditService audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    FaqService(FaqCandidateRepository candidates, FaqQueries queries, ExpertService experts,
               FeedbackBehindCandidates feedback, AuditService audit, JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.json = json;
        this.candidates = candidates;
        this.queries = queries;
        this.experts = experts;
        this.feedback = feedback;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- counts for the home view ----------------------------------------------------------------------------

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public long countPendingCandidates() {
        return candidates.countByApprovalStatus(CandidateStatus.pending);
    }

    /** Pending candidates that came from the signed-in expert's feedback. */
    @PreAuthorize(AppRoles.IS_EXPERT)
    public long countMyPendingCandidates() {
        return experts.findProfileOfCurrentUser()
                .map(profile -> candidates.countByExpertIdAndApprovalStatus(profile.getId(), CandidateStatus.pending))
                .orElse(0L);
    }

    // ---- proposals and auto-approval ----------------------------------------------------------------------

    /**
     * Turns a feedback into a candidate, in the submission's transaction (DOMAIN.md §5): a pending candidate with
     * the same normalized question absorbs it (frequency + 1), otherwise a new pending one starts at frequency 1.
     * Either way the candidate links back to the feedback, and the auto-approval rule is applied.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public ProposalOutcome propose(FaqProposal proposal) {
        String normalized = QuestionNormalizer.normalize(proposal.question());
        // Two submissions of the same question at once must not create two candidates: the second waits here
        // until the first commits, then finds its candidate.
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext(:key))").param("key", "faq:" + normalized)
                .query(Integer.class).single();
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
        AutoApprovalRule.Outcome outcome = AutoApprovalRule.evaluate(autoApprovalSettings(), facts);
        if (outcome.approve()) {
            Map<String, Object> before = snapshot(candidate);
            candidate.autoApprove(clock.instant());
            candidates.flush();
            Map<String, Object> after = snapshot(candidate);
            after.put("approved_by_rule", outcome.seen());
            audit.record(AUDIT_ENTITY, candidate.getId(), "auto_approved", before, after);
        }
    }

    /** The auto-approval thresholds in force. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public AutoApprovalSettings autoApprovalSettings() {
        return jdbc.sql("select min_trust, min_confidence, min_resolved, enabled from faq_auto_approval_settings where id = 1")
                .query((rs, n) -> new AutoApprovalSettings(rs.getDouble("min_trust"), rs.getDouble("min_confidence"),
                        rs.getInt("min_resolved"), rs.getBoolean("enabled")))
                .optional().orElse(AutoApprovalSettings.DEFAULTS);
    }

    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public AutoApprovalSettings updateAutoApprovalSettings(AutoApprovalSettings settings) {
        InvalidInputException.throwIfAny(settings.problems());
        AutoApprovalSettings before = autoApprovalSettings();
        jdbc.sql("""
                        insert into faq_auto_approval_settings (id, min_trust, min_confidence, min_resolved, enabled, updated_at, updated_by)
                        values (1, :trust, :confidence, :resolved, :enabled, :at, :by)
                        on conflict (id) do update set min_trust = excluded.min_trust, min_confidence = excluded.min_confidence,
                            min_resolved = excluded.min_resolved, enabled = excluded.enabled,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("trust", settings.minTrust()).param("confidence", settings.minConfidence())
                .param("resolved", settings.minResolved()).param("enabled", settings.enabled())
                .param("at", Timestamp.from(clock.instant())).param("by", CurrentUser.requireId())
                .update();
        audit.record("settings", "faq_auto_approval", "updated", before, settings);
        return settings;
    }

    // ---- the reviewers' queue -------------------------------------------------------------------------------

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<CandidateRow> findPending(QueueFilter filter, Pageable page) {
        return queries.queue(filter, page.getOffset(), page.getPageSize());
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public long countPending(QueueFilter filter) {
        return queries.queueCount(filter);
    }

    /** The pending candidate at a position of the queue (0 = highest priority), if there is one. */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public Optional<CandidateRow> pendingAt(QueueFilter filter, long position) {
        return position < 0 ? Optional.empty() : queries.queue(filter, position, 1).stream().findFirst();
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public long positionInQueue(QueueFilter filter, CandidateRow row) {
        return queries.positionInQueue(filter, row);
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public List<String> pendingCategories() {
        return queries.pendingCategories();
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public CandidateDetails getCandidate(UUID candidateId) {
        FaqCandidate candidate = require(candidateId);
        List<FeedbackBehindCandidates.SourceFeedback> sources = feedback.sourcesOf(candidateId);
        return new CandidateDetails(rowOf(candidate), sources,
                queries.similar(candidateId, candidate.getNormalizedQuestion(), SIMILAR_SHOWN),
                !isOwn(candidate, sources));
    }

    // ---- decisions ------------------------------------------------------------------------------------------

    /** Approves a pending candidate opened at {@code expectedVersion}; the proposer's feedback counts as upheld. */
    @Transactional
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public CandidateRow approve(UUID candidateId, Long expectedVersion) {
        return decide(candidateId, expectedVersion, "approved", candidate -> candidate.approve(CurrentUser.requireId(), clock.instant()), true);
    }

    /** Applies the reviewer's corrections and approves; the audit log keeps the original text. */
    @Transactional
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public CandidateRow editAndApprove(UUID candidateId, FaqEdit edit, Long expectedVersion) {
        FaqEdit clean = (edit == null ? new FaqEdit(null, null, null, null, null) : edit).normalized();
        InvalidInputException.throwIfAny(clean.problems());
        return decide(candidateId, expectedVersion, "edited_and_approved", candidate -> {
            candidate.edit(clean);
            candidate.approve(CurrentUser.requireId(), clock.instant());
        }, true);
    }

    /** Rejects with a reason the expert will read; the proposer's feedback counts as overturned. */
    @Transactional
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public CandidateRow reject(UUID candidateId, String reason, Long expectedVersion) {
        String cleanReason = reason == null ? "" : reason.strip();
        if (cleanReason.isEmpty()) {
            throw InvalidInputException.of("reason", "faq.error.reason-required");
        }
        if (cleanReason.length() > 2_000) {
            throw InvalidInputException.of("reason", "validation.max-length", 2_000);
        }
        return decide(candidateId, expectedVersion, "rejected",
                candidate -> candidate.reject(CurrentUser.requireId(), clock.instant(), cleanReason), false);
    }

    private CandidateRow decide(UUID candidateId, Long expectedVersion, String action,
                                java.util.function.Consumer<FaqCandidate> decision, boolean approved) {
        FaqCandidate candidate = require(candidateId);
        if (!candidate.isPending() || (expectedVersion != null && expectedVersion != candidate.getVersion())) {
            throw CandidateAlreadyDecided.of();
        }
        if (isOwn(candidate, feedback.sourcesOf(candidateId))) {
            throw OwnCandidate.of();
        }
        Map<String, Object> before = snapshot(candidate);
        decision.accept(candidate);
        try {
            candidates.flush();
        } catch (ObjectOptimisticLockingFailureException concurrent) {
            // Another reviewer decided this candidate a moment ago: theirs stands.
            throw CandidateAlreadyDecided.of();
        }
        audit.record(AUDIT_ENTITY, candidateId, action, before, snapshot(candidate));
        feedback.candidateDecided(candidateId, candidate.getExpertId(), approved);
        return rowOf(candidate);
    }

    /** Four eyes: the caller proposed it, or gave any of the feedback behind it. */
    private boolean isOwn(FaqCandidate candidate, List<FeedbackBehindCandidates.SourceFeedback> sources) {
        Integer caller = CurrentUser.requireId();
        boolean proposer = candidate.getExpertId() != null
                && experts.userIdOf(candidate.getExpertId()).map(caller::equals).orElse(false);
        return proposer || sources.stream().anyMatch(source -> Objects.equals(source.expertUserId(), caller));
    }

    // ---- the golden set ------------------------------------------------------------------------------------

    /** Approved FAQs, oldest change first, optionally only those approved or edited after an instant. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public List<CandidateRow> goldenSet(String text, String category, Instant updatedSince, Pageable page) {
        return queries.goldenSet(text, category, updatedSince, page.getOffset(), page.getPageSize());
    }

    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public long countGoldenSet(String text, String category, Instant updatedSince) {
        return queries.goldenSetCount(text, category, updatedSince);
    }

    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public List<String> goldenSetCategories() {
        return queries.approvedCategories();
    }

    /** Writes every approved FAQ matching the filters as CSV or JSONL, read from the database in pages. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public void exportGoldenSet(FaqExport.Format format, String text, String category, Instant updatedSince,
                                java.io.Writer out) {
        FaqExport.start(format, out);
        int pageSize = 500;
        for (long offset = 0; ; offset += pageSize) {
            List<CandidateRow> page = queries.goldenSet(text, category, updatedSince, offset, pageSize);
            page.forEach(row -> FaqExport.row(format, out, row, json));
            if (page.size() < pageSize) {
                return;
            }
        }
    }

    // ---- an expert's own ------------------------------------------------------------------------------------

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

    /** The candidate a feedback produced or was merged into, if any. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public Optional<ProposalOutcome> candidateOfFeedback(UUID feedbackId) {
        return jdbc.sql("""
                        select c.id, c.frequency, c.approval_status from expert_faq_candidate_feedback l
                        join expert_faq_candidates c on c.id = l.candidate_id where l.feedback_id = :f""")
                .param("f", feedbackId)
                .query((rs, n) -> new ProposalOutcome(rs.getObject("id", UUID.class), false, rs.getInt("frequency"),
                        CandidateStatus.valueOf(rs.getString("approval_status"))))
                .optional();
    }

    private FaqCandidate require(UUID candidateId) {
        return candidates.findById(candidateId).orElseThrow(() -> CandidateNotFound.of(candidateId));
    }

    private CandidateRow rowOf(FaqCandidate c) {
        String expertName = c.getExpertId() == null ? null : experts.displayNameOf(c.getExpertId());
        return new CandidateRow(c.getId(), c.getQuestion(), c.getAnswer(), c.getSuggestedCategory(), c.getSuggestedTags(),
                c.getRegulatoryReferences(), c.getFrequency(), c.getPriorityScore(), c.getExpertId(), expertName,
                c.getExpertTrustScore(), c.getApprovalStatus(), c.isAutoApproved(), c.getRejectionReason(),
                c.getCreatedAt(), c.getApprovedAt(), c.getUpdatedAt(), c.getVersion());
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
        return state;
    }
}
