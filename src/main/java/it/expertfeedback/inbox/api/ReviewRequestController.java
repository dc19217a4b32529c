package it.expertfeedback.inbox.api;

import it.expertfeedback.base.i18n.AppI18NProvider;
import it.expertfeedback.base.validation.FieldProblem;
import it.expertfeedback.inbox.BatchItemResult;
import it.expertfeedback.inbox.ClaimedRequest;
import it.expertfeedback.inbox.ContextTurn;
import it.expertfeedback.inbox.CreateOutcome;
import it.expertfeedback.inbox.InboxService;
import it.expertfeedback.inbox.ReviewRequestDraft;
import it.expertfeedback.inbox.ReviewRequestItem;
import it.expertfeedback.security.AppRoles;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review inbox over REST (DOMAIN.md §8): the assistant (API key) or an admin sends requests and reads their
 * status; an expert claims, releases and skips exactly as the "Da revisionare" view does. Rules and roles are the
 * service's.
 */
@RestController
@RequestMapping("/api/v1/review-requests")
@PreAuthorize(AppRoles.IS_AUTHENTICATED)
class ReviewRequestController {

    private final InboxService inbox;
    private final AppI18NProvider i18n;

    ReviewRequestController(InboxService inbox, AppI18NProvider i18n) {
        this.inbox = inbox;
        this.i18n = i18n;
    }

    record Turn(String role, String text) {
    }

    record CreateBody(UUID queryId, String queryText, String originalAnswer, String topic, List<String> tags,
                        List<Turn> context, String model, Instant answeredAt, String reason, Integer priority,
                        Integer requiredReviews, Instant dueBy) {

        ReviewRequestDraft toDraft() {
            List<ContextTurn> turns = context == null ? null
                    : context.stream().map(t -> t == null ? null : new ContextTurn(t.role(), t.text())).toList();
            return new ReviewRequestDraft(queryId, queryText, originalAnswer, topic, tags, turns, model, answeredAt,
                    reason, priority, requiredReviews, dueBy);
        }
    }

    record Batch(List<CreateBody> items) {
    }

    record BatchItem(int index, String result, UUID id, Map<String, String> errors) {
    }

    record BatchResponse(int created, int existing, int rejected, List<BatchItem> items) {
    }

    record ListResponse(int limit, long offset, List<ReviewRequestItem> items) {
    }

    record SkipBody(String reason, String note) {
    }

    @PostMapping
    ResponseEntity<ReviewRequestItem> create(@RequestBody CreateBody body) {
        CreateOutcome outcome = inbox.create(body.toDraft());
        if (!outcome.created()) {
            return ResponseEntity.ok(outcome.request());
        }
        return ResponseEntity.created(URI.create("/api/v1/review-requests/" + outcome.request().id()))
                .body(outcome.request());
    }

    @PostMapping("/batch")
    BatchResponse batch(@RequestBody Batch body) {
        List<ReviewRequestDraft> drafts = body.items() == null ? List.of()
                : body.items().stream().map(item -> item == null ? null : item.toDraft()).toList();
        List<BatchItemResult> results = inbox.createBatch(drafts);
        List<BatchItem> items = results.stream().map(r -> new BatchItem(r.index(), r.result(), r.id(),
                r.problems().isEmpty() ? null : english(r.problems()))).toList();
        return new BatchResponse(count(results, "created"), count(results, "existing"), count(results, "rejected"), items);
    }

    @GetMapping
    ListResponse list(@RequestParam(required = false) String status,
                      @RequestParam(name = "updated_since", required = false) Instant updatedSince,
                      @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") long offset) {
        List<ReviewRequestItem> items = inbox.list(status == null || status.isBlank() ? null : status, updatedSince,
                limit, offset);
        return new ListResponse(Math.max(1, Math.min(limit, 500)), Math.max(0, offset), items);
    }

    @PostMapping("/{id}/cancel")
    ReviewRequestItem cancel(@PathVariable UUID id) {
        return inbox.cancel(id);
    }

    @PostMapping("/claim")
    ResponseEntity<ClaimedRequest> claim() {
        return inbox.claimNext().map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/release")
    ResponseEntity<Void> release(@PathVariable UUID id) {
        inbox.release(id);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    @PostMapping("/{id}/skip")
    ResponseEntity<Void> skip(@PathVariable UUID id, @RequestBody SkipBody body) {
        inbox.skip(id, body.reason(), body.note());
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private Map<String, String> english(Map<String, FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, problem) -> errors.put(field,
                i18n.getTranslation(problem.messageKey(), AppI18NProvider.ENGLISH, problem.argsArray())));
        return errors;
    }

    private static int count(List<BatchItemResult> results, String result) {
        return (int) results.stream().filter(r -> r.result().equals(result)).count();
    }
}
