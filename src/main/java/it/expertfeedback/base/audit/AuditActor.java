package it.expertfeedback.base.audit;

/**
 * Who made a change, as the audit log records it. The security feature's principal implements it, so the
 * audit log (in base) never depends on a feature package.
 */
public interface AuditActor {
    Integer userId();

    String email();
}
