package it.expertfeedback.faq;

import it.expertfeedback.base.audit.AuditService;
import it.expertfeedback.base.validation.FieldProblem;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.base.validation.TextRules;
import it.expertfeedback.security.AppRoles;
import it.expertfeedback.security.CurrentUser;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reviewers' side of FAQ candidates (DOMAIN.md §5): the queue by priority, everything needed to decide, and
 * the decisions (approve, edit-and-approve, reject), four eyes and first-decision-wins enforced here.
 */
@Service
@Transactional(readOnly = true)
public class CandidateReviewService {

    private static final int SIMILAR_SHOWN = 8;

    private final FaqCandidateRepository candidates;
    private final FaqQueries queries;
    private final CandidateRecords records;
    private final FeedbackBehindCandidates feedback;
    private final AuditService audit;
    private final Clock clock;

    CandidateReviewService(FaqCandidateRepository candidates, FaqQueries queries, CandidateRecords records,
                           FeedbackBehindCandidates feedback, AuditService audit, Clock clock) {
        this.candidates = candidates;
        this.queries = queries;
        this.records = records;
        this.feedback = feedback;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public long countPendingCandidates() {
        return candidates.countByApprovalStatus(CandidateStatus.pending);
    }

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
        CandidateRow row = records.rowOf(candidate);
        List<FeedbackBehindCandidates.SourceFeedback> sources = feedback.sourcesOf(candidateId);
        return new CandidateDetails(row, sources,
                queries.similar(candidateId, candidate.getNormalizedQuestion(), SIMILAR_SHOWN),
                !isOwn(row.expertUserId(), sources));
    }

    /** Approves a pending candidate opened at {@code expectedVersion}; the proposer's feedback counts as upheld. */
    @Transactional
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public CandidateRow approve(UUID candidateId, Long expectedVersion) {
        return decide(candidateId, expectedVersion, "approved", candidate -> candidate.approve(CurrentUser.requireId(), clock.instant()), Judgement.UPHELD);
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
        }, Judgement.UPHELD);
    }

    /**
     * Rejects with a reason the expert will read and its kind (DOMAIN.md §5): only {@code content_wrong} counts the
     * proposer's feedback as overturned; wording, duplicate and out_of_scope judge nothing (§3).
     */
    @Transactional
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public CandidateRow reject(UUID candidateId, String reason, RejectionKind kind, Long expectedVersion) {
        String cleanReason = reason == null ? "" : reason.strip();
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        if (cleanReason.isEmpty()) {
            problems.put("reason", FieldProblem.of("faq.error.reason-required"));
        } else if (cleanReason.length() > 2_000) {
            problems.put("reason", FieldProblem.of("validation.max-length", 2_000));
        }
        TextRules.storable(problems, "reason", cleanReason);
        InvalidInputException.throwIfAny(problems);
        RejectionKind chosen = kind == null ? RejectionKind.content_wrong : kind;
        return decide(candidateId, expectedVersion, "rejected",
                candidate -> candidate.reject(CurrentUser.requireId(), clock.instant(), cleanReason, chosen),
                chosen.overturns() ? Judgement.OVERTURNED : Judgement.NONE);
    }

    /** What a decision says of the proposer's feedback behind the candidate (§3). */
    private enum Judgement { UPHELD, OVERTURNED, NONE }

    /**
     * The one lock order of submissions and decisions (DD012): the question's advisory lock, then the candidate's
     * row, then expert profiles. Taking the question's lock first makes a decision and a submission that would merge
     * into the same candidate run one after the other, so the submission sees the decided candidate and starts a new
     * one instead of failing on a stale version, and neither waits for a lock the other holds.
     */
    private CandidateRow decide(UUID candidateId, Long expectedVersion, String action,
                                Consumer<FaqCandidate> decision, Judgement judgement) {
        queries.lockQuestion(queries.normalizedQuestionOf(candidateId).orElseThrow(() -> CandidateNotFound.of(candidateId)));
        FaqCandidate candidate = candidates.findByIdForUpdate(candidateId).orElseThrow(() -> CandidateNotFound.of(candidateId));
        if (!candidate.isPending() || (expectedVersion != null && expectedVersion != candidate.getVersion())) {
            throw CandidateAlreadyDecided.of();
        }
        if (isOwn(records.proposerUserId(candidate).orElse(null), feedback.sourcesOf(candidateId))) {
            throw OwnCandidate.of();
        }
        Map<String, Object> before = CandidateRecords.snapshot(candidate);
        decision.accept(candidate);
        try {
            candidates.flush();
        } catch (ObjectOptimisticLockingFailureException concurrent) {
            // Another reviewer decided this candidate a moment ago: theirs stands.
            throw CandidateAlreadyDecided.of();
        }
        audit.record(CandidateRecords.AUDIT_ENTITY, candidateId, action, before, CandidateRecords.snapshot(candidate));
        if (judgement != Judgement.NONE) {
            feedback.candidateDecided(candidateId, candidate.getExpertId(), judgement == Judgement.UPHELD);
        }
        return records.rowOf(candidate);
    }

    /** Four eyes: the caller proposed it, or gave any of the feedback behind it. */
    private static boolean isOwn(Integer proposerUserId, List<FeedbackBehindCandidates.SourceFeedback> sources) {
        Integer caller = CurrentUser.requireId();
        return caller.equals(proposerUserId) || sources.stream().anyMatch(source -> Objects.equals(source.expertUserId(), caller));
    }

    private FaqCandidate require(UUID candidateId) {
        return candidates.findById(candidateId).orElseThrow(() -> CandidateNotFound.of(candidateId));
    }
}
