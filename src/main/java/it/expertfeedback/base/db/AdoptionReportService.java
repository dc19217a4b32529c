package it.expertfeedback.base.db;

import it.expertfeedback.base.Access;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' adoption report (DOMAIN.md §11) on the running database: the preflight's findings (unknown
 * labels above all), the duplicates kept as superseded, and the audited first recomputes of adopted experts.
 */
@Service
public class AdoptionReportService {

    /** The audit action of an adopted expert's first recompute (written by expert.ExpertService). */
    public static final String ADOPTED_METRICS_RECOMPUTED = "adopted_metrics_recomputed";

    private final DataSource dataSource;
    private final AdoptionQueries queries;

    AdoptionReportService(DataSource dataSource) {
        this.dataSource = dataSource;
        this.queries = new AdoptionQueries(new JdbcTemplate(dataSource));
    }

    public record Report(List<String> exists, List<String> unknownLabels, List<String> blocks,
                         List<String> supersededFeedback, List<String> adoptedMetricsRecomputed) {
    }

    @PreAuthorize(Access.IS_ADMIN)
    @Transactional(readOnly = true)
    public Report report() {
        AdoptionReport found = new AdoptionPreflight(dataSource).check(false);
        return new Report(found.exists(), found.unknownLabels(), found.blocks(), queries.supersededFeedback(),
                queries.adoptedMetricsRecomputes(ADOPTED_METRICS_RECOMPUTED));
    }
}
