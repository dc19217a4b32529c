package it.expertfeedback.improvement.api;

import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.improvement.ImprovementService;
import it.expertfeedback.improvement.ImprovementTask;
import it.expertfeedback.improvement.TaskFilter;
import it.expertfeedback.improvement.TaskStatus;
import it.expertfeedback.security.AppRoles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

/** {@code /api/v1/improvement-tasks}: the improvement tasks for reviewers, admins and the assistant's team (§9). */
@RestController
@RequestMapping("/api/v1/improvement-tasks")
@PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
class ImprovementTaskController {

    private final ImprovementService improvements;

    ImprovementTaskController(ImprovementService improvements) {
        this.improvements = improvements;
    }

    /** Newest first; filters by status, category, expert, and age (created at least older_than_days ago). */
    @GetMapping
    TaskPage list(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
                  @RequestParam(name = "expert_id", required = false) UUID expertId,
                  @RequestParam(name = "older_than_days", required = false) Integer olderThanDays,
                  @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        TaskFilter filter = filter(status, category, expertId, olderThanDays);
        int size = Math.clamp(limit, 1, 500);
        int start = Math.max(offset, 0);
        return new TaskPage(improvements.count(filter), size, start,
                improvements.find(filter, start, size).stream().map(TaskItem::of).toList());
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String status,
                               @RequestParam(required = false) String category,
                               @RequestParam(name = "expert_id", required = false) UUID expertId,
                               @RequestParam(name = "older_than_days", required = false) Integer olderThanDays) {
        byte[] body = improvements.csv(filter(status, category, expertId, olderThanDays)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"improvement-tasks.csv\"")
                .body(body);
    }

    /** Moves a task on: {@code {"status": "in_progress" | "applied" | "wont_fix" | "open", "note": "..."}}. */
    @PostMapping("/{taskId}/status")
    TaskItem changeStatus(@PathVariable String taskId, @RequestBody StatusChange change) {
        TaskStatus status = change.status() == null ? null : TaskStatus.fromCode(change.status()).orElse(null);
        if (status == null) {
            throw InvalidInputException.of("status", "validation.one-of", "open, in_progress, applied, wont_fix");
        }
        return TaskItem.of(improvements.changeStatus(taskId, status, change.note()));
    }

    private static TaskFilter filter(String status, String category, UUID expertId, Integer olderThanDays) {
        TaskStatus parsed = null;
        if (status != null && !status.isBlank()) {
            parsed = TaskStatus.fromCode(status).orElseThrow(() -> InvalidInputException.of("status",
                    "validation.one-of", "open, in_progress, applied, wont_fix"));
        }
        if (olderThanDays != null && olderThanDays < 0) {
            throw InvalidInputException.of("older_than_days", "validation.positive");
        }
        return new TaskFilter(parsed, category == null || category.isBlank() ? null : category, expertId, olderThanDays);
    }

    record StatusChange(String status, String note) {
    }

    record TaskPage(long totalCount, int limit, int offset, List<TaskItem> items) {
    }

    record TaskItem(String taskId, String taskName, UUID feedbackId, UUID expertId, String expertName, String category,
                    String question, String answer, String additionalDetails, String status, String resolutionNote,
                    Instant createdAt, Instant statusChangedAt) {
        static TaskItem of(ImprovementTask t) {
            return new TaskItem(t.taskId(), t.taskName(), t.feedbackId(), t.expertId(), t.expertName(), t.category(),
                    t.question(), t.answer(), t.additionalDetails(), t.status().code(), t.resolutionNote(),
                    t.createdAt(), t.statusChangedAt());
        }
    }
}
