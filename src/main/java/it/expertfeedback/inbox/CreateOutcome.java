package it.expertfeedback.inbox;

/** A created request (201) or the one that already had this query_id and content (200). */
public record CreateOutcome(ReviewRequestItem request, boolean created) {
}
