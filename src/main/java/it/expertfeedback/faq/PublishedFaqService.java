package it.expertfeedback.faq;

import it.expertfeedback.base.audit.AuditService;
import it.expertfeedback.base.validation.FieldProblem;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.security.AppRoles;
import it.expertfeedback.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A published FAQ's life after approval (DOMAIN.md §5): a reviewer edits it as a new version (every version kept,
 * with who, when and why) or retires it with a reason. Both audited; the golden-set sync reports both through
 * {@code updated_at} (the row's trigger), {@code status} and {@code version}.
 */
@Service
@Transactional(readOnly = true)
public class PublishedFaqService {

    private static final int MAX_REASON = 2_000;

    private final FaqCandidateRepository candidates;
    private final FaqQueries queries;
    private final CandidateRecords records;
    private final AuditService audit;
    private final Clock clock;

    PublishedFaqService(FaqCandidateRepository candidates, FaqQueries queries, CandidateRecords records,
                        AuditService audit, Clock clock) {
        this.candidates = candidates;
        this.queries = queries;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** A published (or retired) FAQ as lists show it; 404 for candidates that were never published. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public CandidateRow getPublished(UUID faqId) {
        return records.rowOf(requirePublished(faqId));
    }

    /**
     * Edits a live FAQ read at {@code expectedVersion} (its published version): the next version, recorded with the
     * reason. A stale version or a retired FAQ is a 409; a FAQ never published a 404.
     */
    @Transactional
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public CandidateRow edit(UUID faqId, FaqEdit edit, String reason, Integer expectedVersion) {
        FaqEdit clean = (edit == null ? new FaqEdit(null, null, null, null, null) : edit).normalized();
        Map<String, FieldProblem> problems = new LinkedHashMap<>(clean.problems());
        String why = reasonProblem(reason, problems);
        if (expectedVersion == null) {
            problems.put("version", FieldProblem.of("validation.required"));
        }
        InvalidInputException.throwIfAny(problems);
        FaqCandidate faq = requireLive(faqId);
        if (faq.getPublishedVersion() != expectedVersion) {
            throw FaqVersionConflict.stale();
        }
        Map<String, Object> before = CandidateRecords.snapshot(faq);
        faq.editPublished(clean);
        flushOrConflict();
        Instant now = clock.instant();
        queries.insertVersion(faqId, new FaqVersion(faq.getPublishedVersion(), faq.getQuestion(), faq.getAnswer(),
                faq.getSuggestedCategory(), faq.getSuggestedTags(), faq.getRegulatoryReferences(), why,
                CurrentUser.requireId(), null, now));
        Map<String, Object> after = CandidateRecords.snapshot(faq);
        after.put("reason", why);
        audit.record(CandidateRecords.AUDIT_ENTITY, faqId, "faq_edited", before, after);
        return records.rowOf(faq);
    }

    /** Retires a live FAQ: the assistant stops serving it (the sync reports status "retired"). */
    @Transactional
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public CandidateRow retire(UUID faqId, String reason) {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        String why = reasonProblem(reason, problems);
        InvalidInputException.throwIfAny(problems);
        FaqCandidate faq = requireLive(faqId);
        Map<String, Object> before = CandidateRecords.snapshot(faq);
        faq.retire(CurrentUser.requireId(), clock.instant(), why);
        flushOrConflict();
        audit.record(CandidateRecords.AUDIT_ENTITY, faqId, "faq_retired", before, CandidateRecords.snapshot(faq));
        return records.rowOf(faq);
    }

    /** Every version of a published FAQ, oldest first. */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public List<FaqVersion> versions(UUID faqId) {
        requirePublished(faqId);
        return queries.versions(faqId);
    }

    private static String reasonProblem(String reason, Map<String, FieldProblem> problems) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.put("reason", FieldProblem.of("validation.required"));
        } else if (why.length() > MAX_REASON) {
            problems.put("reason", FieldProblem.of("validation.max-length", MAX_REASON));
        }
        return why;
    }

    private void flushOrConflict() {
        try {
            candidates.flush();
        } catch (ObjectOptimisticLockingFailureException concurrent) {
            // Another reviewer edited or retired it a moment ago: theirs stands.
            throw FaqVersionConflict.stale();
        }
    }

    private FaqCandidate requireLive(UUID faqId) {
        FaqCandidate faq = requirePublished(faqId);
        if (!faq.isLive()) {
            throw FaqVersionConflict.retired();
        }
        return faq;
    }

    private FaqCandidate requirePublished(UUID faqId) {
        return candidates.findById(faqId).filter(c -> c.getApprovalStatus() == CandidateStatus.approved)
                .orElseThrow(() -> CandidateNotFound.of(faqId));
    }
}
