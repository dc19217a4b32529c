package it.expertfeedback.feedback;

import it.expertfeedback.base.audit.AuditService;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.faq.FeedbackBehindCandidates;
import it.expertfeedback.security.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The feedback side of FAQ decisions: reading a candidate's sources, judging the proposer's feedback. */
@Component
class FeedbackBehindCandidatesImpl implements FeedbackBehindCandidates {

    private final JdbcClient jdbc;
    private final ExpertFeedbackRepository feedback;
    private final ExpertService experts;
    private final AuditService audit;
    private final Clock clock;

    FeedbackBehindCandidatesImpl(JdbcClient jdbc, ExpertFeedbackRepository feedback, ExpertService experts,
                                 AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.feedback = feedback;
        this.experts = experts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SourceFeedback> sourcesOf(UUID candidateId) {
        return jdbc.sql("""
                        select f.id, f.expert_id, e.user_id, u.display_name, f.feedback_type::text as feedback_type,
                               f.query_text, f.original_answer, f.expert_answer
                        from expert_faq_candidate_feedback l
                        join expert_feedback f on f.id = l.feedback_id
                        join expert_profiles e on e.id = f.expert_id
                        join "user" u on u.id = e.user_id
                        where l.candidate_id = :candidate
                        order by f.feedback_timestamp, f.id""")
                .param("candidate", candidateId)
                .query((rs, n) -> new SourceFeedback(rs.getObject("id", UUID.class), rs.getObject("expert_id", UUID.class),
                        rs.getInt("user_id"), rs.getString("display_name"), rs.getString("feedback_type"),
                        rs.getString("query_text"), rs.getString("original_answer"), rs.getString("expert_answer")))
                .list();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void candidateDecided(UUID candidateId, UUID proposingExpertId, boolean approved) {
        if (proposingExpertId == null) {
            return; // the expert's profile was deleted: nobody's track record to update
        }
        ReviewVerdict verdict = approved ? ReviewVerdict.upheld : ReviewVerdict.overturned;
        List<UUID> judged = jdbc.sql("""
                        select f.id from expert_faq_candidate_feedback l join expert_feedback f on f.id = l.feedback_id
                        where l.candidate_id = :candidate and f.expert_id = :expert""")
                .param("candidate", candidateId).param("expert", proposingExpertId)
                .query(UUID.class).list();
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
