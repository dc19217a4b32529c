package it.expertfeedback.feedback;

import it.expertfeedback.faq.ProposalOutcome;
import java.util.Optional;

/**
 * A feedback with what a reader needs around it: who gave it, whether the reader gave it (then they may not
 * judge it), and the FAQ candidate it produced or joined.
 */
public record FeedbackDetails(ExpertFeedback feedback, String expertName, boolean ownedByCaller,
                              Optional<ProposalOutcome> candidate) {
}
