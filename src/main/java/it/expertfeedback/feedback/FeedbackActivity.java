package it.expertfeedback.feedback;

import it.expertfeedback.expert.ExpertActivity;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The expert's track record as the trust score needs it (the SQL is {@link FeedbackQueries#activityOf}).
 * "Resolved" means a reviewer gave a verdict (DOMAIN.md §3).
 */
@Component
class FeedbackActivity implements ExpertActivity {

    private final FeedbackQueries queries;

    FeedbackActivity(FeedbackQueries queries) {
        this.queries = queries;
    }

    @Override
    public Stats statsOf(UUID expertId) {
        return queries.activityOf(expertId);
    }
}
