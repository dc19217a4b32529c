package it.expertfeedback.base.audit;

import it.expertfeedback.base.Access;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: append-only, written in the caller's transaction (MANDATORY), so a change and its audit
 * line are committed or rolled back together. Before/after are JSON snapshots; the SQL is in AuditQueries.
 */
@Service
public class AuditService {

    private final AuditQueries queries;
    private final JsonMapper json;
    private final Clock clock;
    private final ChangeMetrics metrics;

    AuditService(AuditQueries queries, JsonMapper json, Clock clock, ChangeMetrics metrics) {
        this.queries = queries;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Records a change made by the signed-in user (or by the system when nobody is signed in). */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize(Access.PERMIT_ALL)
    public void record(String entityType, Object entityId, String action, Object before, Object after) {
        Optional<AuditActor> actor = currentActor();
        queries.insert(clock.instant(), actor.map(AuditActor::userId).orElse(null),
                actor.map(AuditActor::email).orElse("system"), entityType, String.valueOf(entityId), action,
                before == null ? null : json.writeValueAsString(before),
                after == null ? null : json.writeValueAsString(after));
        metrics.recorded(entityType, action);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Access.IS_ADMIN)
    public List<AuditEntry> find(AuditFilter filter, Pageable page) {
        return queries.find(filter, clock.getZone(), page.getOffset(), page.getPageSize());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Access.IS_ADMIN)
    public long count(AuditFilter filter) {
        return queries.count(filter, clock.getZone());
    }

    private static Optional<AuditActor> currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuditActor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }
}
