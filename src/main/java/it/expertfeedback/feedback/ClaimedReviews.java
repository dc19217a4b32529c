package it.expertfeedback.feedback;

import java.util.OptionalInt;
import java.util.UUID;

/**
 * The seam through which a submission learns that it completes claimed inbox work (DOMAIN.md §8, DD007): declared
 * here, implemented by the inbox, which sits above feedback. Both calls run inside the submission's transaction,
 * after the expert's profile row is locked.
 */
public interface ClaimedReviews {

    /**
     * Seconds from the expert's claim of the request with this query_id to now, capped, when the expert holds
     * that claim: the server's measure replaces the typed time for §3.
     */
    OptionalInt measuredSeconds(UUID expertId, UUID queryId);

    /**
     * Whether this stored feedback of the expert completed a claimed review, i.e. its time_spent_seconds is the
     * server's measure: an identical retry then carries a typed time that must not count as a difference.
     */
    boolean measuredFeedback(UUID expertId, UUID feedbackId);

    /** The feedback is stored: the claimed review (if any) is done, and which feedback and candidate it produced. */
    void completed(UUID expertId, UUID queryId, UUID feedbackId, String feedbackType, UUID faqCandidateId);
}
