package it.expertfeedback.inbox;

import java.util.List;
import java.util.UUID;

/** A done request with several reviews: the verdicts side by side, first verdict first. */
public record MultiReview(UUID requestId, String queryText, String topic, List<String> verdicts, List<String> experts,
                          List<UUID> feedbackIds) {

    public boolean unanimous() {
        return verdicts.stream().distinct().count() <= 1;
    }
}
