package it.expertfeedback.improvement;

import java.util.UUID;

/** The Miglioramenti filters; null means "any". {@code olderThanDays}: created at least that many days ago. */
public record TaskFilter(TaskStatus status, String category, UUID expertId, Integer olderThanDays) {

    public static TaskFilter none() {
        return new TaskFilter(null, null, null, null);
    }
}
