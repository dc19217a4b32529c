package it.expertfeedback.feedback;

import java.util.Optional;
import java.util.UUID;

/** The feedback shown before and after one in a list's order (null at an end): a detail's previous / next. */
public record FeedbackNeighbours(UUID previous, UUID next) {

    public static final FeedbackNeighbours NONE = new FeedbackNeighbours(null, null);

    public Optional<UUID> previousId() {
        return Optional.ofNullable(previous);
    }

    public Optional<UUID> nextId() {
        return Optional.ofNullable(next);
    }
}
