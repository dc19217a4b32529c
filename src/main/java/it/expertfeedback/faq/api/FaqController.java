package it.expertfeedback.faq.api;

import it.expertfeedback.base.api.OffsetPageRequest;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.faq.CandidateRow;
import it.expertfeedback.faq.FaqEdit;
import it.expertfeedback.faq.RejectionKind;
import it.expertfeedback.faq.FaqExport;
import it.expertfeedback.faq.CandidateReviewService;
import it.expertfeedback.faq.GoldenSetService;
import it.expertfeedback.security.AppRoles;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The published golden set for the assistant (paged, incremental with {@code updated_since}, CSV and JSONL
 * exports) and the reviewers' decisions over REST, with the same rules as the approval queue.
 */
@RestController
@RequestMapping("/api/v1/faq")
@PreAuthorize(AppRoles.IS_AUTHENTICATED)
class FaqController {

    private final GoldenSetService goldenSet;
    private final CandidateReviewService review;

    FaqController(GoldenSetService goldenSet, CandidateReviewService review) {
        this.goldenSet = goldenSet;
        this.review = review;
    }

    @GetMapping
    FaqPage list(@RequestParam(name = "updated_since", required = false) String updatedSince,
                 @RequestParam(required = false) String q, @RequestParam(required = false) String category,
                 @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        Instant since = instant(updatedSince);
        int size = Math.clamp(limit, 1, 500);
        int start = Math.max(offset, 0);
        List<FaqItem> items = goldenSet.goldenSet(q, category, since, new OffsetPageRequest(start, size, Sort.unsorted()))
                .stream().map(FaqItem::of).toList();
        return new FaqPage(goldenSet.countGoldenSet(q, category, since), size, start, items);
    }

    @GetMapping(value = "/export.jsonl", produces = "application/jsonl")
    ResponseEntity<StreamingResponseBody> jsonl(@RequestParam(name = "updated_since", required = false) String updatedSince,
                                                @RequestParam(required = false) String q,
                                                @RequestParam(required = false) String category) {
        return export(FaqExport.Format.JSONL, instant(updatedSince), q, category);
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam(name = "updated_since", required = false) String updatedSince,
                                              @RequestParam(required = false) String q,
                                              @RequestParam(required = false) String category) {
        return export(FaqExport.Format.CSV, instant(updatedSince), q, category);
    }

    @GetMapping(value = "/export.xlsx", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    ResponseEntity<StreamingResponseBody> xlsx(@RequestParam(name = "updated_since", required = false) String updatedSince,
                                               @RequestParam(required = false) String q,
                                               @RequestParam(required = false) String category) {
        Instant since = instant(updatedSince);
        StreamingResponseBody body = out -> goldenSet.exportGoldenSetXlsx(q, category, since, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FaqExport.Format.XLSX.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + FaqExport.Format.XLSX.fileName() + "\"")
                .body(body);
    }

    private ResponseEntity<StreamingResponseBody> export(FaqExport.Format format, Instant since, String q, String category) {
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            goldenSet.exportGoldenSet(format, q, category, since, writer);
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + format.fileName() + "\"").body(body);
    }

    @PostMapping("/candidates/{id}/approve")
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    FaqItem approve(@PathVariable UUID id, @RequestBody(required = false) DecisionRequest request) {
        DecisionRequest decision = request == null ? DecisionRequest.EMPTY : request;
        CandidateRow row = decision.question() != null || decision.answer() != null
                ? review.editAndApprove(id, decision.edit(), decision.version())
                : review.approve(id, decision.version());
        return FaqItem.of(row);
    }

    @PostMapping("/candidates/{id}/reject")
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    FaqItem reject(@PathVariable UUID id, @RequestBody(required = false) DecisionRequest request) {
        DecisionRequest decision = request == null ? DecisionRequest.EMPTY : request;
        return FaqItem.of(review.reject(id, decision.reason(), decision.rejectionKind(), decision.version()));
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException invalid) {
            throw InvalidInputException.of("updated_since", "validation.instant");
        }
    }

    /** Approve (optionally with edits) or reject; {@code version} guards against deciding on a stale view. */
    record DecisionRequest(String question, String answer, String suggestedCategory, List<String> suggestedTags,
                           List<String> regulatoryReferences, String reason, String kind, Long version) {
        static final DecisionRequest EMPTY = new DecisionRequest(null, null, null, null, null, null, null, null);

        /** §5: {@code kind} defaults to content_wrong; an unknown code is a field problem, not a default. */
        RejectionKind rejectionKind() {
            if (kind == null || kind.isBlank()) {
                return RejectionKind.content_wrong;
            }
            return RejectionKind.fromCode(kind.strip()).orElseThrow(() -> InvalidInputException.of("kind",
                    "validation.one-of", "content_wrong, wording, duplicate, out_of_scope"));
        }

        FaqEdit edit() {
            return new FaqEdit(question, answer, suggestedCategory, suggestedTags, regulatoryReferences);
        }
    }

    record FaqPage(long totalCount, int limit, int offset, List<FaqItem> items) {
    }

    /**
     * {@code status} is what the assistant acts on (pending, approved, rejected, retired). {@code version} is what a
     * caller sends back to change the item: for a published FAQ its published version (1 at approval, +1 per edit,
     * DOMAIN.md §5), for a pending candidate the row version that guards a decision.
     */
    record FaqItem(UUID id, String question, String answer, String suggestedCategory, List<String> suggestedTags,
                   List<String> regulatoryReferences, String approvalStatus, String status, boolean autoApproved,
                   int frequency, BigDecimal priorityScore, Double expertTrustScore, String rejectionReason,
                   Instant approvedAt, Instant retiredAt, String retirementReason, Instant updatedAt, long version) {
        static FaqItem of(CandidateRow row) {
            return new FaqItem(row.id(), row.question(), row.answer(), row.suggestedCategory(), row.suggestedTags(),
                    row.regulatoryReferences(), row.approvalStatus().code(), row.publicStatus(), row.autoApproved(),
                    row.frequency(), row.priorityScore(), row.expertTrustScore(), row.rejectionReason(),
                    row.approvedAt(), row.retiredAt(), row.retirementReason(), row.updatedAt(),
                    row.publishedVersion() > 0 ? row.publishedVersion() : row.version());
        }
    }
}
