package it.expertfeedback.feedback;

import it.expertfeedback.base.audit.AuditService;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.faq.FeedbackBehindCandidates;
import it.expertfeedback.security.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The feedback side of FAQ decisions: reading a candidate's sources, judging the proposer's feedback. */
@Component
class FeedbackBehindCandidatesImpl implements FeedbackBehindCandidates {

    private final FeedbackQueries queries;
    private final ExpertFeedbackRepository feedback;
    private final ExpertService experts;
    private final AuditService audit;
    private final Clock clock;

    FeedbackBehindCandidatesImpl(FeedbackQueries queries, ExpertFeedbackRepository feedback, ExpertService experts,
                                 AuditService audit, Clock clock) {
        this.queries = queries;
        this.feedback = feedback;
        this.experts = experts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SourceFeedback> sourcesOf(UUID candidateId) {
        return queries.sourcesOf(candidateId);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void candidateDecided(UUID candidateId, UUID proposingExpertId, boolean approved) {
        if (proposingExpertId == null) {
            return; // the expert's profile was deleted: nobody's track record to update
        }
        ReviewVerdict verdict = approved ? ReviewVerdict.upheld : ReviewVerdict.overturned;
        List<UUID> judged = queries.proposersFeedbackBehind(candidateId, proposingExpertId);
        for (UUID id : judged) {
            ExpertFeedback row = feedback.findById(id).orElseThrow();
            String before = row.getReviewVerdict() == null ? null : row.getReviewVerdict().name();
            row.judge(verdict, CurrentUser.requireId(), clock.instant());
            audit.record(FeedbackService.AUDIT_ENTITY, id, verdict.name(), mapOf("review_verdict", before),
                    Map.of("review_verdict", verdict.name(), "through_candidate", candidateId.toString()));
        }
        feedback.flush();
        experts.recompute(proposingExpertId, "feedback_judged");
    }

    private static Map<String, Object> mapOf(String key, Object value) {
        java.util.HashMap<String, Object> map = new java.util.HashMap<>();
        map.put(key, value);
        return map;
    }
}
