package it.expertfeedback.inbox;

import it.expertfeedback.base.api.DatabaseFailures;
import it.expertfeedback.base.audit.AuditService;
import it.expertfeedback.base.validation.FieldProblem;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.base.validation.TextRules;
import it.expertfeedback.expert.ExpertProfile;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackType;
import it.expertfeedback.feedback.ReviewVerdict;
import it.expertfeedback.security.AppRoles;
import it.expertfeedback.security.CurrentUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review inbox's door (DOMAIN.md §8): the assistant's requests (single, batch, status, cancel), experts'
 * claims with a lease (claim, renew, release, skip; completing happens through a feedback submission, see
 * {@link InboxClaimedReviews}), the topic → specializations map, and the health view for reviewers.
 */
@Service
public class InboxService {

    public static final int BATCH_MAX = 500;
    static final Set<String> SKIP_REASONS = Set.of("outside_competence", "unclear", "conflict_of_interest");
    static final int SKIP_NOTE_MAX = 500;
    static final String AUDIT_ENTITY = "review_request";
    static final String ROUTE_AUDIT_ENTITY = "inbox_topic_route";
    private static final String SPECIALIZATIONS = "specializations";
    /**
     * Attempts of a claim that meets the same expert's claim elsewhere: each conflict means the other committed, so
     * every tab the person has open gets its own request within a few.
     */
    private static final int SAME_EXPERT_RETRIES = 5;
    /** The unique index that keeps one expert to one slot of a request (V18). */
    private static final String ONE_EXPERT_PER_REQUEST = "uq_review_slot_expert";
    /** The health view's window for received vs judged and the time to the first verdict. */
    public static final int FLOW_DAYS = 30;

    private final InboxQueries queries;
    private final ExpertService experts;
    private final AuditService audit;
    private final FeedbackService feedback;
    private final Clock clock;
    private final Duration lease;
    private final LeaseExpiries leaseExpiries;
    private final TransactionTemplate outsideTransactions;

    InboxService(InboxQueries queries, ExpertService experts, AuditService audit, FeedbackService feedback, Clock clock,
                 PlatformTransactionManager transactions, @Value("${efs.inbox.lease:PT30M}") Duration lease,
                 @Value("${efs.inbox.lease-recheck:PT1S}") Duration leaseRecheck) {
        this.queries = queries;
        this.experts = experts;
        this.audit = audit;
        this.feedback = feedback;
        this.clock = clock;
        this.lease = lease;
        this.leaseExpiries = new LeaseExpiries(lease, leaseRecheck, System::nanoTime);
        this.outsideTransactions = new TransactionTemplate(transactions);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public Duration lease() {
        return lease;
    }

    // ---- the assistant's requests ---------------------------------------------------------------------------

    /** Stores a request, or returns the one with the same query_id and content; different content is a conflict. */
    @Transactional
    @PreAuthorize(AppRoles.IS_ASSISTANT_OR_ADMIN)
    public CreateOutcome create(ReviewRequestDraft draft) {
        ReviewRequestDraft clean = draft.normalized();
        InvalidInputException.throwIfAny(clean.problems());
        Stored stored = store(clean, routing(clean, queries.routes()));
        if (stored.conflict()) {
            throw ReviewRequestConflict.of();
        }
        return new CreateOutcome(queries.find(stored.id(), clock.instant()).orElseThrow(), stored.created());
    }

    /**
     * Up to {@value #BATCH_MAX} requests in one transaction: the valid ones are stored (or found), the invalid and
     * conflicting ones reported by index, and none of them stops the others.
     */
    @Transactional
    @PreAuthorize(AppRoles.IS_ASSISTANT_OR_ADMIN)
    public List<BatchItemResult> createBatch(List<ReviewRequestDraft> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            throw InvalidInputException.of("items", "validation.required");
        }
        if (drafts.size() > BATCH_MAX) {
            throw InvalidInputException.of("items", "validation.max-items", BATCH_MAX);
        }
        List<BatchItemResult> results = new ArrayList<>(drafts.size());
        Map<String, List<String>> routes = queries.routes();
        for (int i = 0; i < drafts.size(); i++) {
            ReviewRequestDraft draft = drafts.get(i);
            if (draft == null) {
                results.add(new BatchItemResult(i, "rejected", null, Map.of("item", FieldProblem.of("validation.required"))));
                continue;
            }
            ReviewRequestDraft clean = draft.normalized();
            Map<String, FieldProblem> problems = clean.problems();
            if (!problems.isEmpty()) {
                results.add(new BatchItemResult(i, "rejected", null, problems));
                continue;
            }
            Stored stored = store(clean, routing(clean, routes));
            if (stored.conflict()) {
                results.add(new BatchItemResult(i, "rejected", stored.id(),
                        Map.of("query_id", FieldProblem.of("inbox.error.conflict"))));
            } else {
                results.add(new BatchItemResult(i, stored.created() ? "created" : "existing", stored.id(), Map.of()));
            }
        }
        return results;
    }

    private record Stored(UUID id, boolean created, boolean conflict) {
    }

    /** The specializations the request's topic and tags map to, lower-cased and sorted; none = everybody. */
    private static String[] routing(ReviewRequestDraft clean, Map<String, List<String>> routes) {
        java.util.TreeSet<String> specs = new java.util.TreeSet<>();
        List<String> keys = new ArrayList<>(clean.tags());
        if (clean.topic() != null) {
            keys.add(clean.topic());
        }
        for (String key : keys) {
            routes.getOrDefault(key, List.of()).forEach(spec -> specs.add(spec.toLowerCase(Locale.ROOT)));
        }
        return specs.toArray(String[]::new);
    }

    private Stored store(ReviewRequestDraft clean, String[] routing) {
        Optional<UUID> created = queries.insert(clean, routing, clock.instant());
        if (created.isPresent()) {
            return new Stored(created.get(), true, false);
        }
        InboxQueries.Existing existing = queries.findByQueryId(clean.queryId()).orElseThrow();
        return new Stored(existing.id(), false, !existing.contentHash().equals(clean.contentHash()));
    }

    /** The assistant's sync: requests changed after {@code updatedSince}, oldest change first. */
    @PreAuthorize(AppRoles.IS_ASSISTANT_REVIEWER_OR_ADMIN)
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<ReviewRequestItem> list(String status, Instant updatedSince, int limit, long offset) {
        if (status != null && !Set.of("open", "in_review", "done", "expired", "cancelled").contains(status)) {
            throw InvalidInputException.of("status", "validation.one-of", "open, in_review, done, expired, cancelled");
        }
        return queries.list(status, updatedSince, clock.instant(), Math.max(0, offset), Math.max(1, Math.min(limit, 500)));
    }

    @Transactional
    @PreAuthorize(AppRoles.IS_ASSISTANT_REVIEWER_OR_ADMIN)
    public ReviewRequestItem cancel(UUID requestId) {
        if (!queries.exists(requestId)) {
            throw ReviewRequestNotFound.of(requestId);
        }
        if (queries.cancel(requestId, clock.instant())) {
            audit.record(AUDIT_ENTITY, requestId, "cancelled", null, null);
        }
        return queries.find(requestId, clock.instant()).orElseThrow();
    }

    // ---- the expert's work ----------------------------------------------------------------------------------

    /**
     * "Inizia" / "Prossima": the best matching request, held for the caller for the lease; empty when none.
     * Outside any Spring transaction: the claim is one statement in its own (InboxQueries#claim), the hot path of 32
     * experts asking at once (DOMAIN §6: p95 < 5 ms); only an empty answer asks whether the caller may review at all.
     * No transaction interceptor on that path (its bookkeeping was ≈ a tenth of the claim's time in the JVM): a
     * caller inside a transaction or a transaction-synchronised scope is stepped out of it here, so the lease's
     * asynchronous commit never touches the caller's work.
     */
    @PreAuthorize(AppRoles.IS_EXPERT)
    public Optional<ClaimedRequest> claimNext() {
        int userId = CurrentUser.requireId();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            return outsideTransactions.execute(status -> claimFor(userId));
        }
        return claimFor(userId);
    }

    private Optional<ClaimedRequest> claimFor(int userId) {
        Optional<ClaimedRequest> claimed = Optional.empty();
        for (int attempt = 1; attempt <= SAME_EXPERT_RETRIES; attempt++) {
            try {
                claimed = claimOnce(userId);
                break;
            } catch (DuplicateKeyException duplicate) {
                if (!DatabaseFailures.isUniqueViolation(duplicate, ONE_EXPERT_PER_REQUEST)) {
                    throw duplicate;
                }
                // The same expert's other claim (another tab, another instance) took a slot of the request this one
                // picked, at the same instant, and has committed: claiming again passes that request for the next.
            }
        }
        if (claimed.isEmpty()) {
            activeExpert(); // an inactive or unverified profile is refused, not told "nothing to do"
        }
        return claimed;
    }

    /**
     * One claim; it reads expired leases too only when one may have run out (DD016). The look at the leases comes
     * before the claim and at most once a recheck, so a look that fails costs no claim, and an expired lease nobody
     * can take keeps claims on the full form without a look each.
     */
    private Optional<ClaimedRequest> claimOnce(int userId) {
        Instant now = clock.instant();
        if (leaseExpiries.mayHaveExpired(now) && leaseExpiries.lookDue()) {
            long lookedAt = leaseExpiries.now();
            leaseExpiries.looked(clock.instant(), lookedAt, queries.earliestLease());
        }
        return queries.claim(userId, now, lease, leaseExpiries.mayHaveExpired(now));
    }

    /** The caller's live claims, oldest first ("Inizia" resumes the first). */
    @PreAuthorize(AppRoles.IS_EXPERT)
    @Transactional(readOnly = true)
    public List<ClaimedRequest> myClaims() {
        return experts.findProfileOfCurrentUser().map(me -> queries.claimsOf(me.getId(), clock.instant()))
                .orElse(List.of());
    }

    /** How many requests the caller could take now, counted up to {@code cap} (the navigation's badge). */
    @PreAuthorize(AppRoles.IS_EXPERT)
    @Transactional(propagation = Propagation.SUPPORTS)
    public long countAvailable(int cap) {
        return experts.findProfileOfCurrentUser().filter(ExpertProfile::maySubmitFeedback)
                .map(me -> queries.available(me.getId(), specializationsOf(me), clock.instant(), cap)).orElse(0L);
    }

    /** The form is still open: the lease runs again from now. */
    @Transactional
    @PreAuthorize(AppRoles.IS_EXPERT)
    public Instant renew(UUID requestId) {
        Instant until = clock.instant().plus(lease);
        if (!queries.renew(requestId, activeExpert().getId(), until)) {
            throw ReviewRequestNotFound.noClaim(requestId);
        }
        return until;
    }

    @Transactional
    @PreAuthorize(AppRoles.IS_EXPERT)
    public void release(UUID requestId) {
        UUID me = activeExpert().getId();
        if (!queries.release(requestId, me)) {
            throw ReviewRequestNotFound.noClaim(requestId);
        }
        queries.touch(requestId, clock.instant());
    }

    /** Passes on a request: released, and never offered to the caller again. */
    @Transactional
    @PreAuthorize(AppRoles.IS_EXPERT)
    public void skip(UUID requestId, String reason, String note) {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        if (reason == null || !SKIP_REASONS.contains(reason)) {
            problems.put("reason", FieldProblem.of("validation.one-of", "outside_competence, unclear, conflict_of_interest"));
        }
        String cleanNote = TextRules.clean(note);
        TextRules.maxLength(problems, "note", cleanNote, SKIP_NOTE_MAX);
        InvalidInputException.throwIfAny(problems);
        UUID me = activeExpert().getId();
        if (!queries.release(requestId, me)) {
            throw ReviewRequestNotFound.noClaim(requestId);
        }
        queries.insertSkip(requestId, me, reason, cleanNote, clock.instant());
        queries.touch(requestId, clock.instant());
    }

    // ---- reviewers and admins -------------------------------------------------------------------------------

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    @Transactional(propagation = Propagation.SUPPORTS)
    public InboxHealth health() {
        Instant now = clock.instant();
        return new InboxHealth(queries.countByStatus(now), queries.overdue(now), queries.openByTopic(),
                queries.openByAge(now), queries.workload(now), queries.activeClaims(), queries.flow(now, FLOW_DAYS),
                queries.medianSecondsToFirstVerdict(now.minus(Duration.ofDays(FLOW_DAYS))).orElse(null));
    }

    /** Frees a stuck claim (the expert left without releasing). */
    @Transactional
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public void releaseClaim(UUID slotId) {
        UUID requestId = queries.releaseSlot(slotId).orElseThrow(() -> ReviewRequestNotFound.of(slotId));
        queries.touch(requestId, clock.instant());
        Map<String, Object> released = Map.of("slot_id", slotId);
        audit.record(AUDIT_ENTITY, requestId, "claim_released", released, null);
    }

    /** Done requests with several reviews, verdicts side by side (for agreement and settling disagreements). */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<MultiReview> multiReviews(int limit) {
        return queries.multiReviews(Math.max(1, Math.min(limit, 1000)));
    }

    // ---- disagreements ---------------------------------------------------------------------------------------

    /** How many completed multi-review requests with differing verdicts wait to be settled. */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    @Transactional(propagation = Propagation.SUPPORTS)
    public long countDisagreements() {
        return queries.countDisagreements();
    }

    /** The disagreements to settle, newest completion first, with the verdicts side by side. */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<Disagreement> disagreements(long offset, int limit) {
        return queries.disagreements(Math.max(0, offset), Math.max(1, Math.min(limit, 500)));
    }

    /** One disagreement still to settle (empty once settled or when it is none). */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<Disagreement> disagreement(UUID requestId) {
        return queries.disagreement(requestId);
    }

    /**
     * Settles a disagreement: the verdict {@code standingVerdict} stands. Each review is judged through feedback's
     * own uphold / overturn (DOMAIN.md §3, the same path as a reviewer judging one feedback, with its four-eyes rule
     * and the expert's trust recomputed): the reviews with that verdict are upheld, the others overturned. The
     * settlement (who, when, which verdict) is stored and audited in the same transaction, and the request leaves
     * the list.
     */
    @Transactional
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public void settle(UUID requestId, String standingVerdict, String comment) {
        if (!queries.lockRequest(requestId)) {
            throw ReviewRequestNotFound.of(requestId);
        }
        if (queries.settled(requestId)) {
            throw SettlementConflict.alreadySettled();
        }
        Disagreement open = queries.disagreement(requestId).orElseThrow(SettlementConflict::notADisagreement);
        if (standingVerdict == null || !open.verdicts().contains(standingVerdict)) {
            throw InvalidInputException.of("verdict", "validation.one-of", String.join(", ", open.verdicts()));
        }
        String cleanComment = TextRules.clean(comment);
        List<String> upheld = new ArrayList<>();
        List<String> overturned = new ArrayList<>();
        for (Disagreement.Review review : open.reviews()) {
            boolean stands = review.verdict().equals(standingVerdict);
            feedback.judge(review.feedbackId(), stands ? ReviewVerdict.upheld : ReviewVerdict.overturned, cleanComment);
            (stands ? upheld : overturned).add(review.feedbackId().toString());
        }
        queries.insertSettlement(requestId, FeedbackType.valueOf(standingVerdict).code(), CurrentUser.requireId(),
                clock.instant(), cleanComment);
        Map<String, Object> settlement = new LinkedHashMap<>();
        settlement.put("standing_verdict", standingVerdict);
        settlement.put("upheld", upheld);
        settlement.put("overturned", overturned);
        audit.record(AUDIT_ENTITY, requestId, "settled", null, settlement);
    }

    // ---- routing map ----------------------------------------------------------------------------------------

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    @Transactional(readOnly = true)
    public Map<String, List<String>> routes() {
        return queries.routes();
    }

    /** Sets a topic's specializations (empty list = remove the topic); open requests follow at once. Audited. */
    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public void saveRoute(String topic, List<String> specializations) {
        String key = TextRules.clean(topic) == null ? null : TextRules.clean(topic).toLowerCase(Locale.ROOT);
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        if (key == null) {
            problems.put("topic", FieldProblem.of("validation.required"));
        }
        TextRules.maxLength(problems, "topic", key, ReviewRequestDraft.TOPIC_MAX);
        List<String> specs = TextRules.cleanList(specializations).stream().map(s -> s.toLowerCase(Locale.ROOT))
                .distinct().toList();
        TextRules.listLimits(problems, "specializations", specs, 20, 100);
        InvalidInputException.throwIfAny(problems);
        List<String> before = queries.routes().get(key);
        if (specs.isEmpty()) {
            queries.deleteRoute(key);
        } else {
            queries.saveRoute(key, specs.toArray(String[]::new), clock.instant());
        }
        queries.reroute(key);
        Map<String, Object> was = before == null ? null : Map.of(SPECIALIZATIONS, before);
        Map<String, Object> now = specs.isEmpty() ? null : Map.of(SPECIALIZATIONS, specs);
        audit.record(ROUTE_AUDIT_ENTITY, key, specs.isEmpty() ? "deleted" : "saved", was, now);
    }

    private ExpertProfile activeExpert() {
        return experts.findProfileOfCurrentUser().filter(ExpertProfile::maySubmitFeedback)
                .orElseThrow(InboxNotAllowed::of);
    }

    private static String[] specializationsOf(ExpertProfile expert) {
        return expert.getSpecializations().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).distinct()
                .toArray(String[]::new);
    }
}
