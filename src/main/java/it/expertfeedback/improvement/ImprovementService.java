package it.expertfeedback.improvement;

import it.expertfeedback.base.audit.AuditService;
import it.expertfeedback.base.text.Csv;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.base.validation.TextRules;
import it.expertfeedback.security.AppRoles;
import it.expertfeedback.security.CurrentUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The improvement feature's door: tasks are created with a submission and worked by reviewers and admins. */
@Service
@Transactional(readOnly = true)
public class ImprovementService {

    static final String AUDIT_ENTITY = "expert_generated_tasks";
    static final int NOTE_MAX = 2_000;
    private static final int TASK_NAME_MAX = 200;
    private static final int EXPORT_MAX = 100_000;

    private final ImprovementQueries queries;
    private final ImprovementTarget target;
    private final AuditService audit;
    private final Clock clock;

    ImprovementService(ImprovementQueries queries, ImprovementTarget target, AuditService audit, Clock clock) {
        this.queries = queries;
        this.target = target;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates the task for a submission, inside the submission's transaction (MANDATORY: a task never exists
     * without its feedback, and a failed task rolls the submission back rather than claiming one was made).
     * Returns the task id, {@code QUERY-0008} and on.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public String createFor(NewTask task) {
        String taskId = "QUERY-%04d".formatted(queries.nextNumber());
        String prefix = "incorrect".equals(task.feedbackType()) ? "Correggere: " : "Completare: ";
        String name = prefix + task.question().strip().replaceAll("\\s+", " ");
        if (name.length() > TASK_NAME_MAX) {
            name = name.substring(0, TASK_NAME_MAX - 1) + "…";
        }
        queries.insert(taskId, name, task);
        return taskId;
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public List<ImprovementTask> find(TaskFilter filter, long offset, int limit) {
        return queries.find(filter, clock.instant(), offset, limit);
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public long count(TaskFilter filter) {
        return queries.count(filter, clock.instant());
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public List<String> categories() {
        return queries.categories();
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public List<TaskExpert> experts() {
        return queries.experts();
    }

    /**
     * Moves a task on (open → in progress → applied / won't fix). Won't fix needs a note saying why. Applied marks
     * the feedback's improvement as applied, in the same transaction.
     */
    @Transactional
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public ImprovementTask changeStatus(String taskId, TaskStatus status, String note) {
        String cleanNote = TextRules.clean(note);
        if (cleanNote != null && cleanNote.length() > NOTE_MAX) {
            throw InvalidInputException.of("note", "validation.max-length", NOTE_MAX);
        }
        if (status == TaskStatus.wont_fix && cleanNote == null) {
            throw InvalidInputException.of("note", "improvement.error.note-required");
        }
        ImprovementTask task = queries.lock(taskId).orElseThrow(() -> TaskNotFound.of(taskId));
        if (task.status() == status && Objects.equals(task.resolutionNote(), cleanNote)) {
            return task;
        }
        if (task.status() != status && !task.status().next().contains(status)) {
            throw InvalidTransition.of(task.status(), status);
        }
        queries.changeStatus(taskId, status, cleanNote, CurrentUser.requireId());
        if (status == TaskStatus.applied) {
            target.markImprovementApplied(task.feedbackId());
        }
        audit.record(AUDIT_ENTITY, taskId, status.code(), snapshot(task.status(), task.resolutionNote()),
                snapshot(status, cleanNote));
        return queries.lock(taskId).orElseThrow(() -> TaskNotFound.of(taskId));
    }

    /** The filtered tasks as CSV (semicolon-separated, with a BOM so Excel reads the accents). */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public String csv(TaskFilter filter) {
        StringBuilder out = new StringBuilder(Csv.BYTE_ORDER_MARK);
        out.append(Csv.line(List.of("task_id", "task_name", "status", "feedback_id", "expert", "category",
                "question", "answer", "additional_details", "resolution_note", "created_at")));
        for (ImprovementTask t : queries.find(filter, clock.instant(), 0, EXPORT_MAX)) {
            List<Object> fields = new ArrayList<>();
            fields.add(t.taskId());
            fields.add(t.taskName());
            fields.add(t.status().code());
            fields.add(t.feedbackId());
            fields.add(t.expertName());
            fields.add(t.category());
            fields.add(t.question());
            fields.add(t.answer());
            fields.add(t.additionalDetails());
            fields.add(t.resolutionNote());
            fields.add(t.createdAt());
            out.append(Csv.line(fields));
        }
        return out.toString();
    }

    private static Map<String, Object> snapshot(TaskStatus status, String note) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", status.code());
        state.put("resolution_note", note);
        return state;
    }
}
