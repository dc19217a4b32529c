package it.expertfeedback.feedback;

import it.expertfeedback.improvement.ImprovementTarget;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The feedback side of an applied improvement task: the feedback's improvement is applied. */
@Component
class ImprovementTargetImpl implements ImprovementTarget {

    private final FeedbackService feedback;

    ImprovementTargetImpl(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public void markImprovementApplied(UUID feedbackId) {
        feedback.setImprovementApplied(feedbackId, true);
    }
}
