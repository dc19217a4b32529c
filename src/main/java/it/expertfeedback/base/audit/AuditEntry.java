package it.expertfeedback.base.audit;

import java.time.Instant;

/** One line of the audit log as shown to administrators. */
public record AuditEntry(long id, Instant occurredAt, Integer actorUserId, String actorEmail, String entityType,
                         String entityId, String action, String before, String after) {
}
