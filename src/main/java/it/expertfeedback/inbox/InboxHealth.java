package it.expertfeedback.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The inbox at a glance for reviewers and admins (DOMAIN.md §8). */
public record InboxHealth(Map<String, Long> byStatus, long overdue, Map<String, Long> openByTopic,
                          Map<String, Long> openByAge, List<Workload> workload, List<ActiveClaim> claims,
                          List<DailyFlow> flow, Long medianSecondsToFirstVerdict) {

    /** One Italian day: requests received and reviews done. */
    public record DailyFlow(java.time.LocalDate day, long received, long judged) {
    }

    /** An expert's claims now held and reviews done in the last 7 days. */
    public record Workload(UUID expertId, String name, long claimed, long doneLastWeek) {
    }

    /** A claim someone holds; a reviewer may release it when it is stuck. */
    public record ActiveClaim(UUID slotId, UUID requestId, String queryText, String expertName, Instant claimedAt,
                              Instant leaseExpiresAt) {
    }
}
