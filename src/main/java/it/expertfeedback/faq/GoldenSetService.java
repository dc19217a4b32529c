package it.expertfeedback.faq;

import it.expertfeedback.security.AppRoles;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The published golden set: approved FAQs for people and the assistant, and its CSV/JSONL/XLSX exports. */
@Service
@Transactional(readOnly = true)
public class GoldenSetService {

    private static final int EXPORT_PAGE = 500;

    private final FaqQueries queries;
    private final JsonMapper json;

    GoldenSetService(FaqQueries queries, JsonMapper json) {
        this.queries = queries;
        this.json = json;
    }

    /** Approved FAQs, oldest change first, optionally only those approved or edited after an instant. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public List<CandidateRow> goldenSet(String text, String category, Instant updatedSince, Pageable page) {
        return queries.goldenSet(text, category, updatedSince, page.getOffset(), page.getPageSize());
    }

    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public long countGoldenSet(String text, String category, Instant updatedSince) {
        return queries.goldenSetCount(text, category, updatedSince);
    }

    /** The live FAQ at a position of the filtered golden set (0 = first), if there is one: a detail's next / previous. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public Optional<CandidateRow> goldenSetAt(String text, String category, long position) {
        return position < 0 ? Optional.empty() : queries.goldenSet(text, category, null, position, 1).stream().findFirst();
    }

    /** Where a FAQ stands in the filtered golden set; empty when the filters leave it out. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public OptionalLong goldenSetPosition(String text, String category, UUID faqId) {
        return queries.goldenSetPosition(text, category, faqId);
    }

    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public List<String> goldenSetCategories() {
        return queries.approvedCategories();
    }

    /** Writes every approved FAQ matching the filters as one XLSX sheet, read from the database in pages. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public void exportGoldenSetXlsx(String text, String category, Instant updatedSince, java.io.OutputStream out) {
        FaqExport.Sheet sheet = new FaqExport.Sheet(out);
        for (long offset = 0; ; offset += EXPORT_PAGE) {
            List<CandidateRow> page = queries.goldenSet(text, category, updatedSince, offset, EXPORT_PAGE);
            page.forEach(sheet::row);
            if (page.size() < EXPORT_PAGE) {
                break;
            }
        }
        sheet.finish();
    }

    /** Writes every approved FAQ matching the filters as CSV or JSONL, read from the database in pages. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public void exportGoldenSet(FaqExport.Format format, String text, String category, Instant updatedSince,
                                java.io.Writer out) {
        if (format == FaqExport.Format.XLSX) {
            throw new IllegalArgumentException("XLSX is binary: use exportGoldenSetXlsx");
        }
        FaqExport.start(format, out);
        for (long offset = 0; ; offset += EXPORT_PAGE) {
            List<CandidateRow> page = queries.goldenSet(text, category, updatedSince, offset, EXPORT_PAGE);
            page.forEach(row -> FaqExport.row(format, out, row, json));
            if (page.size() < EXPORT_PAGE) {
                return;
            }
        }
    }
}
