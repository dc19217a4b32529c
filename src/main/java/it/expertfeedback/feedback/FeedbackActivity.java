package it.expertfeedback.feedback;

import it.expertfeedback.expert.ExpertActivity;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The expert's track record as the trust score needs it, counted from expert_feedback in one statement
 * (served by idx_expert_feedback_expert_id). "Resolved" means a reviewer gave a verdict (DOMAIN.md §3).
 */
@Component
class FeedbackActivity implements ExpertActivity {

    private final JdbcClient jdbc;

    FeedbackActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Stats statsOf(UUID expertId) {
        return jdbc.sql("""
                        select count(*) as feedback_count,
                               count(review_verdict) as resolved,
                               count(*) filter (where review_verdict = 'upheld') as upheld,
                               coalesce(round(avg(time_spent_seconds)), 0) as average_time
                        from expert_feedback where expert_id = :expertId""")
                .param("expertId", expertId)
                .query((rs, n) -> new Stats(rs.getInt("feedback_count"), rs.getInt("resolved"), rs.getInt("upheld"),
                        rs.getInt("average_time")))
                .single();
    }
}
