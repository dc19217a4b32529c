package it.expertfeedback.analytics;

import it.expertfeedback.expert.ExpertProfile;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.security.AppRoles;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The analytics feature's door: read-only aggregates for reviewers, admins and the assistant's monitoring. */
@Service
@Transactional(readOnly = true)
public class AnalyticsService {

    private static final int EXPERT_TREND_DAYS = 84;

    private final AnalyticsQueries queries;
    private final ExpertService experts;
    private final Clock clock;

    AnalyticsService(AnalyticsQueries queries, ExpertService experts, Clock clock) {
        this.queries = queries;
        this.experts = experts;
        this.clock = clock;
    }

    /** Every KPI over the window, with the previous window's headline figures. */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public AnalyticsSummary summary(AnalyticsWindow window) {
        return queries.summary(window);
    }

    /** The last {@code days} days, today included. */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public AnalyticsSummary summaryOfLastDays(int days) {
        return queries.summary(AnalyticsWindow.lastDays(days, clock));
    }

    /** The signed-in expert's own statistics (empty without a profile). */
    /** One table of a summary as CSV or XLSX (the dashboard's downloads). */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public void export(AnalyticsExport.Table table, AnalyticsExport.Format format, AnalyticsSummary summary,
                       java.io.OutputStream out) throws java.io.IOException {
        AnalyticsExport.write(table, format, summary, out);
    }

    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public Optional<ExpertStats> myStats() {
        return experts.findProfileOfCurrentUser().map(ExpertProfile::getId)
                .map(id -> queries.expertStats(id, AnalyticsWindow.lastDays(EXPERT_TREND_DAYS, clock)));
    }
}
