package it.expertfeedback.feedback;

import it.expertfeedback.base.api.DatabaseFailures;
import it.expertfeedback.base.api.NotFoundException;
import it.expertfeedback.base.audit.AuditService;
import it.expertfeedback.base.validation.FieldProblem;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.base.validation.TextRules;
import it.expertfeedback.expert.ExpertProfile;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.faq.FaqProposal;
import it.expertfeedback.faq.FaqProposalService;
import it.expertfeedback.faq.ProposalOutcome;
import it.expertfeedback.improvement.ImprovementService;
import it.expertfeedback.improvement.NewTask;
import it.expertfeedback.security.AppRoles;
import it.expertfeedback.security.AppUserPrincipal;
import it.expertfeedback.security.CurrentUser;
import it.expertfeedback.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feedback feature's door: submissions (form and REST share {@link #submit}), the reviewer's browser and
 * judgements, and each expert's own history.
 */
@Service
@Transactional(readOnly = true)
public class FeedbackService {

    static final String AUDIT_ENTITY = "expert_feedback";
    private static final String DUPLICATE_INDEX = "uq_expert_feedback_expert_query";

    private final ExpertFeedbackRepository feedback;
    private final FeedbackQueries queries;
    private final ExpertService experts;
    private final FaqProposalService faq;
    private final AuditService audit;
    private final Clock clock;
    private final List<ClaimedReviews> claimedReviews;
    private final ImprovementService improvements;

    FeedbackService(ExpertFeedbackRepository feedback, FeedbackQueries queries, ExpertService experts, FaqProposalService faq,
                    AuditService audit, Clock clock, List<ClaimedReviews> claimedReviews,
                    @Lazy ImprovementService improvements) {
        this.feedback = feedback;
        this.queries = queries;
        this.experts = experts;
        this.faq = faq;
        this.audit = audit;
        this.clock = clock;
        this.claimedReviews = claimedReviews;
        this.improvements = improvements;
    }

    // ---- submitting -----------------------------------------------------------------------------------------

    /**
     * Stores the signed-in expert's feedback (DOMAIN.md §4) and, in the same transaction, recomputes the expert's
     * metrics and trust and creates or merges the FAQ candidate (§5). Invalid input writes nothing; a second
     * feedback of the same expert on the same query is a conflict, also when both arrive at once.
     */
    @Transactional
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public SubmissionResult submit(FeedbackSubmission submission) {
        FeedbackSubmission clean = submission.normalized();
        InvalidInputException.throwIfAny(clean.problems());
        // DD012's lock order: the question (and its pending candidate) before the expert's profile, as decisions do.
        if (yieldsProposal(clean)) {
            faq.lockQuestion(clean.queryText());
        }
        ExpertProfile expert = experts.lockProfileOfCurrentUser().orElseThrow(SubmissionNotAllowed::notAnExpert);
        if (!expert.maySubmitFeedback()) {
            throw SubmissionNotAllowed.notActiveOrVerified();
        }
        Optional<ExpertFeedback> earlier = feedback.findByExpertIdAndQueryId(expert.getId(), clean.queryId());
        if (earlier.isPresent()) {
            // A client's retry of the very same submission gets the first result; a different one is a conflict.
            if (earlier.get().sameAs(clean, timeMeasured(expert.getId(), earlier.get().getId()))) {
                return replay(earlier.get());
            }
            throw DuplicateFeedback.of();
        }
        clean = withMeasuredTime(clean, expert.getId());
        ExpertFeedback stored;
        try {
            stored = feedback.saveAndFlush(ExpertFeedback.from(clean, expert.getId(), clock.instant()));
        } catch (DataIntegrityViolationException refused) {
            // Only the one-feedback-per-(expert, query) index makes this a duplicate; any other refusal is not.
            if (DatabaseFailures.isUniqueViolation(refused, DUPLICATE_INDEX)) {
                throw DuplicateFeedback.of();
            }
            throw refused;
        }
        double trust = experts.recompute(expert.getId(), "feedback_submitted").total();
        stored.recordTrustAtSubmission(trust);
        Optional<ProposalOutcome> candidate = proposal(stored, trust).map(faq::propose);
        String taskId = needsTask(stored) ? improvements.createFor(new NewTask(stored.getId(), expert.getId(),
                stored.getFeedbackType().code(), stored.getQueryText(), stored.getOriginalAnswer(),
                stored.getAdditionalDetails())) : null;
        stored.recordOutcome(actionTaken(stored), candidate.isPresent() || taskId != null, taskId);
        feedback.flush();
        audit.record(AUDIT_ENTITY, stored.getId(), "submitted", null, snapshot(stored));
        for (ClaimedReviews inbox : claimedReviews) {
            inbox.completed(expert.getId(), stored.getQueryId(), stored.getId(), stored.getFeedbackType().code(),
                    candidate.map(ProposalOutcome::candidateId).orElse(null));
        }
        return new SubmissionResult(stored.getId(), stored.getFeedbackType(), trust,
                candidate.map(ProposalOutcome::candidateId).orElse(null),
                candidate.map(ProposalOutcome::created).orElse(false),
                candidate.map(ProposalOutcome::frequency).orElse(0),
                candidate.map(outcome -> outcome.approvalStatus().code()).orElse(null),
                stored.getActionTaken(), stored.isTaskCreationAttempted(), taskId, false);
    }

    private SubmissionResult replay(ExpertFeedback first) {
        Optional<ProposalOutcome> candidate = faq.candidateOfFeedback(first.getId());
        return new SubmissionResult(first.getId(), first.getFeedbackType(),
                first.getExpertTrustScore() == null ? 0.0 : first.getExpertTrustScore(),
                candidate.map(ProposalOutcome::candidateId).orElse(null), false,
                candidate.map(ProposalOutcome::frequency).orElse(0),
                candidate.map(outcome -> outcome.approvalStatus().code()).orElse(null),
                first.getActionTaken(), first.isTaskCreationAttempted(), first.getGeneratedTaskId(), true);
    }

    /** §9: an incomplete or incorrect verdict with details becomes an improvement task. */
    private static boolean needsTask(ExpertFeedback f) {
        return f.getFeedbackType() != FeedbackType.correct && f.getAdditionalDetails() != null
                && !f.getAdditionalDetails().isBlank();
    }

    /** The original system's action codes (§9). */
    static String actionTaken(ExpertFeedback f) {
        boolean withAnswer = f.getExpertAnswer() != null && !f.getExpertAnswer().isBlank();
        return switch (f.getFeedbackType()) {
            case correct -> "feedback_acknowledged";
            case incomplete -> withAnswer ? "answer_enhancement_queued" : "improvement_suggestion_logged";
            case incorrect -> withAnswer ? "correction_queued" : "critical_review_flagged";
        };
    }

    /** The published FAQ behind each of these feedback: the candidate each produced or joined, once approved. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public Map<UUID, UUID> publishedFaqIds(Collection<UUID> feedbackIds) {
        return feedbackIds.isEmpty() ? Map.of() : queries.approvedCandidates(feedbackIds);
    }

    /** Inbox work (§8): the server's claim-to-submit time replaces the typed one, which then feeds nothing. */
    private FeedbackSubmission withMeasuredTime(FeedbackSubmission s, UUID expertId) {
        for (ClaimedReviews inbox : claimedReviews) {
            OptionalInt measured = inbox.measuredSeconds(expertId, s.queryId());
            if (measured.isPresent()) {
                return new FeedbackSubmission(s.queryId(), s.feedbackType(), s.category(), s.queryText(),
                        s.originalAnswer(), s.expertAnswer(), s.improvementSuggestions(), s.regulatoryReferences(),
                        s.confidenceScore(), measured.getAsInt(), s.complexityRating(), s.additionalDetails(),
                        s.suggestedCategory());
            }
        }
        return s;
    }

    /** Whether the inbox measured this stored feedback's time (it completed a claim), so a retry's typed time differs. */
    private boolean timeMeasured(UUID expertId, UUID feedbackId) {
        return claimedReviews.stream().anyMatch(inbox -> inbox.measuredFeedback(expertId, feedbackId));
    }

    private static boolean yieldsProposal(FeedbackSubmission s) {
        return "correct".equals(s.feedbackType()) || (s.expertAnswer() != null && !s.expertAnswer().isBlank());
    }

    /** §5: a correct verdict proposes the AI answer; a correction proposes the expert's answer. */
    private static Optional<FaqProposal> proposal(ExpertFeedback f, double trust) {
        String answer = f.getFeedbackType() == FeedbackType.correct ? f.getOriginalAnswer() : f.getExpertAnswer();
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new FaqProposal(f.getId(), f.getExpertId(), f.getQueryText(), answer,
                f.getRegulatoryReferences(), f.getSuggestedCategory(), f.getConfidenceScore(), trust));
    }

    // ---- reviewing ------------------------------------------------------------------------------------------

    /** Upholds or overturns an expert's feedback; never one's own. The expert's trust follows (§3). */
    @Transactional
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public ExpertFeedback judge(UUID feedbackId, ReviewVerdict verdict) {
        return judge(feedbackId, verdict, null);
    }

    /**
     * Upholds or overturns with an optional comment the expert reads in their feedback detail (DOMAIN.md §3); the
     * comment is held to the same text rules as a submission.
     */
    @Transactional
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public ExpertFeedback judge(UUID feedbackId, ReviewVerdict verdict, String comment) {
        String cleanComment = TextRules.clean(comment);
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        TextRules.maxLength(problems, "comment", cleanComment, 2_000);
        TextRules.storable(problems, "comment", cleanComment);
        InvalidInputException.throwIfAny(problems);
        ExpertFeedback row = require(feedbackId);
        refuseOwn(row);
        if (verdict == row.getReviewVerdict() && java.util.Objects.equals(cleanComment, row.getReviewComment())) {
            return row;
        }
        Map<String, Object> before = snapshot(row);
        row.judge(verdict, CurrentUser.requireId(), clock.instant(), cleanComment);
        feedback.flush();
        audit.record(AUDIT_ENTITY, feedbackId, verdict.name(), before, snapshot(row));
        experts.recompute(row.getExpertId(), "feedback_judged");
        return row;
    }

    /** Marks whether the assistant's answer was improved after this feedback (the backlog in analytics). */
    @Transactional
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public ExpertFeedback setImprovementApplied(UUID feedbackId, boolean applied) {
        ExpertFeedback row = require(feedbackId);
        if (row.isImprovementApplied() == applied) {
            return row;
        }
        Map<String, Object> before = snapshot(row);
        row.setImprovementApplied(applied);
        feedback.flush();
        audit.record(AUDIT_ENTITY, feedbackId, applied ? "improvement_applied" : "improvement_pending", before, snapshot(row));
        return row;
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public List<FeedbackRow> findFeedback(FeedbackFilter filter, boolean oldestFirst, Pageable page) {
        return queries.find(filter, oldestFirst, page.getOffset(), page.getPageSize());
    }

    /** The feedback before and after one in the browser's list under these filters and this order. */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public FeedbackNeighbours neighbours(FeedbackFilter filter, boolean oldestFirst, UUID feedbackId) {
        return feedback.findById(feedbackId).filter(f -> f.getFeedbackTimestamp() != null)
                .map(f -> queries.neighbours(filter, oldestFirst, f.getFeedbackTimestamp(), f.getId()))
                .orElse(FeedbackNeighbours.NONE);
    }

    /** The same in the signed-in expert's own list ({@link #myHistory}: newest first, optionally of one type). */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public FeedbackNeighbours myNeighbours(FeedbackType type, UUID feedbackId) {
        Optional<ExpertProfile> profile = experts.findProfileOfCurrentUser();
        return profile.flatMap(p -> feedback.findById(feedbackId).filter(f -> p.getId().equals(f.getExpertId())))
                .filter(f -> f.getFeedbackTimestamp() != null)
                .map(f -> queries.neighbours(FeedbackFilter.none().withExpertId(f.getExpertId()).withType(type), false,
                        f.getFeedbackTimestamp(), f.getId()))
                .orElse(FeedbackNeighbours.NONE);
    }

    /** An expert's feedback of the last {@code days} days, newest first (the seed's "expert's last 30 days"). */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<FeedbackRow> feedbackOfExpert(UUID expertId, int days, int limit) {
        return queries.ofExpertSince(expertId, since(days), Math.max(1, Math.min(limit, 500)));
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public long countFeedback(FeedbackFilter filter) {
        return queries.count(filter);
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public Map<FeedbackCategory, Long> countByCategory(FeedbackFilter filter) {
        return queries.countByCategory(filter);
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public Map<FeedbackType, Long> countByType(FeedbackFilter filter) {
        return queries.countByType(filter);
    }

    /**
     * One feedback for its owner, a reviewer or an admin. Anyone else learns nothing, not even that it exists
     * (the same NotFoundException as for an unknown id).
     */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public FeedbackDetails getDetails(UUID feedbackId) {
        AppUserPrincipal caller = CurrentUser.require();
        ExpertFeedback row = feedback.findById(feedbackId).orElseThrow(() -> FeedbackNotFound.of(feedbackId));
        Optional<FeedbackQueries.Submitter> submitter = queries.submitter(row.getExpertId());
        boolean owner = submitter.map(s -> caller.userId().equals(s.userId())).orElse(false);
        if (!owner && !caller.hasRole(Role.REVIEWER) && !caller.hasRole(Role.ADMIN)) {
            throw FeedbackNotFound.of(feedbackId);
        }
        return new FeedbackDetails(row, submitter.map(FeedbackQueries.Submitter::displayName).orElse("—"), owner,
                faq.candidateOfFeedback(feedbackId));
    }

    // ---- the expert's own -----------------------------------------------------------------------------------

    /** The signed-in expert's feedback, newest first, optionally of one type (empty without a profile). */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public Page<ExpertFeedback> myHistory(FeedbackType type, Pageable page) {
        Optional<ExpertProfile> profile = experts.findProfileOfCurrentUser();
        if (profile.isEmpty()) {
            return Page.empty(page);
        }
        UUID expertId = profile.get().getId();
        return type == null ? feedback.findByExpertIdOrderByFeedbackTimestampDescIdDesc(expertId, page)
                : feedback.findByExpertIdAndFeedbackTypeOrderByFeedbackTimestampDescIdDesc(expertId, type.code(), page);
    }

    /** All experts' feedback in the last {@code days} days. */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public long countFeedbackOfLastDays(int days) {
        return feedback.countSince(since(days));
    }

    /** The signed-in expert's own feedback in the last {@code days} days (0 without a profile). */
    @PreAuthorize(AppRoles.IS_EXPERT)
    public long countMyFeedbackOfLastDays(int days) {
        return experts.findProfileOfCurrentUser()
                .map(profile -> feedback.countByExpertSince(profile.getId(), since(days)))
                .orElse(0L);
    }

    private void refuseOwn(ExpertFeedback row) {
        Integer caller = CurrentUser.requireId();
        if (queries.submitter(row.getExpertId()).map(s -> caller.equals(s.userId())).orElse(false)) {
            throw OwnFeedback.of();
        }
    }

    private ExpertFeedback require(UUID feedbackId) {
        return feedback.findById(feedbackId).orElseThrow(() -> FeedbackNotFound.of(feedbackId));
    }

    private Instant since(int days) {
        return clock.instant().minus(Duration.ofDays(days));
    }

    private static Map<String, Object> snapshot(ExpertFeedback f) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("expert_id", f.getExpertId());
        state.put("query_id", f.getQueryId());
        state.put("feedback_type", f.getFeedbackTypeCode());
        state.put("category", f.getCategoryCode());
        state.put("review_verdict", f.getReviewVerdict() == null ? null : f.getReviewVerdict().name());
        state.put("review_comment", f.getReviewComment());
        state.put("improvement_applied", f.isImprovementApplied());
        state.put("expert_trust_score", f.getExpertTrustScore());
        return state;
    }
}
