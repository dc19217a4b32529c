package it.expertfeedback.faq;

import java.util.List;

/**
 * Everything a reviewer reads before deciding: the candidate, who proposed it with which trust, the feedback
 * behind it, similar questions already approved or pending, and whether the caller may decide (four eyes).
 */
public record CandidateDetails(CandidateRow candidate, List<FeedbackBehindCandidates.SourceFeedback> sources,
                               List<SimilarQuestion> similar, boolean decidableByCaller) {
}
