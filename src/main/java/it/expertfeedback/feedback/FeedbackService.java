package it.expertfeedback.feedback;

import it.expertfeedback.expert.ExpertService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The feedback feature's door. */
@Service
@Transactional(readOnly = true)
public class FeedbackService {

    private final ExpertFeedbackRepository feedback;
    private final ExpertService experts;
    private final Clock clock;

    FeedbackService(ExpertFeedbackRepository feedback, ExpertService experts, Clock clock) {
        this.feedback = feedback;
        this.experts = experts;
        this.clock = clock;
    }

    /** All experts' feedback in the last {@code days} days. */
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public long countFeedbackOfLastDays(int days) {
        return feedback.countSince(since(days));
    }

    /** The signed-in expert's own feedback in the last {@code days} days (0 without a profile). */
    @PreAuthorize("hasRole('EXPERT')")
    public long countMyFeedbackOfLastDays(int days) {
        return experts.findProfileOfCurrentUser()
                .map(profile -> feedback.countByExpertSince(profile.getId(), since(days)))
                .orElse(0L);
    }

    private Instant since(int days) {
        return clock.instant().minus(Duration.ofDays(days));
    }
}
