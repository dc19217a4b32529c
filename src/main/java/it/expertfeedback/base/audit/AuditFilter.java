package it.expertfeedback.base.audit;

import java.time.LocalDate;

/** What the admin filters the audit log by; every part optional. Immutable: use the withX methods. */
public record AuditFilter(String entityType, String action, String actorEmail, String text, LocalDate from,
                          LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    public AuditFilter withEntityType(String value) { return new AuditFilter(value, action, actorEmail, text, from, to); }
    public AuditFilter withAction(String value) { return new AuditFilter(entityType, value, actorEmail, text, from, to); }
    public AuditFilter withActorEmail(String value) { return new AuditFilter(entityType, action, value, text, from, to); }
    public AuditFilter withText(String value) { return new AuditFilter(entityType, action, actorEmail, value, from, to); }
    public AuditFilter withFrom(LocalDate value) { return new AuditFilter(entityType, action, actorEmail, text, value, to); }
    public AuditFilter withTo(LocalDate value) { return new AuditFilter(entityType, action, actorEmail, text, from, value); }
}
