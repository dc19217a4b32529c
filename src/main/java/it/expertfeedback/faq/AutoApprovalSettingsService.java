package it.expertfeedback.faq;

import it.expertfeedback.base.audit.AuditService;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.security.AppRoles;
import it.expertfeedback.security.CurrentUser;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The auto-approval thresholds of DOMAIN.md §5: read by every proposal, changed by an admin (audited). */
@Service
@Transactional(readOnly = true)
public class AutoApprovalSettingsService {

    private final FaqQueries queries;
    private final AuditService audit;
    private final Clock clock;

    AutoApprovalSettingsService(FaqQueries queries, AuditService audit, Clock clock) {
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    /** The auto-approval thresholds in force. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public AutoApprovalSettings autoApprovalSettings() {
        return queries.autoApprovalSettings().orElse(AutoApprovalSettings.DEFAULTS);
    }

    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public AutoApprovalSettings updateAutoApprovalSettings(AutoApprovalSettings settings) {
        InvalidInputException.throwIfAny(settings.problems());
        AutoApprovalSettings before = autoApprovalSettings();
        queries.saveAutoApprovalSettings(settings, clock.instant(), CurrentUser.requireId());
        audit.record("settings", "faq_auto_approval", "updated", before, settings);
        return settings;
    }
}
