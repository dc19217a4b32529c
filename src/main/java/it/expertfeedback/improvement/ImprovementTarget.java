package it.expertfeedback.improvement;

import java.util.UUID;

/**
 * The feedback side of an applied task, implemented by the feedback feature: this feature may not write another
 * feature's table, and feedback already depends on this one (it creates the tasks), so the call goes through here.
 */
public interface ImprovementTarget {

    /** Marks the feedback's {@code improvement_applied} (the analytics backlog counts it as done). */
    void markImprovementApplied(UUID feedbackId);
}
