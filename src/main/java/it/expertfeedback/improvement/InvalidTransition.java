package it.expertfeedback.improvement;

import it.expertfeedback.base.validation.ConflictException;

/** The task is no longer in a state that allows this step (closed, or decided by someone else meanwhile): 409. */
public final class InvalidTransition extends ConflictException {

    private InvalidTransition(TaskStatus from, TaskStatus to) {
        super("improvement.error.transition", from.code(), to.code());
    }

    public static InvalidTransition of(TaskStatus from, TaskStatus to) {
        return new InvalidTransition(from, to);
    }
}
