package it.expertfeedback.improvement;

import it.expertfeedback.base.api.NotFoundException;

/** No task with this id (404). */
public final class TaskNotFound extends NotFoundException {

    private TaskNotFound(String taskId) {
        super("No improvement task " + taskId);
    }

    public static TaskNotFound of(String taskId) {
        return new TaskNotFound(taskId);
    }
}
