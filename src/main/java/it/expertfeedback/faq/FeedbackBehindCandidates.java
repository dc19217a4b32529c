package it.expertfeedback.faq;

import java.util.List;
import java.util.UUID;

/**
 * What the FAQ feature needs from the feedback behind its candidates. The feedback feature implements it, so
 * the FAQ feature neither reads nor writes feedback rows itself (and the two features do not form a cycle).
 */
public interface FeedbackBehindCandidates {

    /** The feedback a candidate came from or absorbed, oldest first. */
    List<SourceFeedback> sourcesOf(UUID candidateId);

    /**
     * A reviewer's decision is a judgement of the proposing expert's feedback behind the candidate (DOMAIN.md §3:
     * approved = upheld, rejected = overturned): recorded in the decision's transaction, trust recomputed.
     */
    void candidateDecided(UUID candidateId, UUID proposingExpertId, boolean approved);

    /** One feedback behind a candidate, as the reviewer reads it (trust is the expert's current score). */
    record SourceFeedback(UUID feedbackId, UUID expertId, Integer expertUserId, String expertName, String feedbackType,
                          String queryText, String originalAnswer, String expertAnswer, Double expertTrustScore,
                          Double confidenceScore, List<String> regulatoryReferences) {

        /** The answer this feedback would publish: the expert's correction, or the AI's answer it found correct. */
        public String proposedAnswer() {
            return expertAnswer != null && !expertAnswer.isBlank() ? expertAnswer : originalAnswer;
        }
    }
}
