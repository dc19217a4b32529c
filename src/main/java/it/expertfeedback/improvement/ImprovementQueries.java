package it.expertfeedback.improvement;

import it.expertfeedback.base.sql.Where;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * All of the improvement feature's SQL. The feedback's category comes from feedback's published
 * {@code feedback_facts}, the expert's name from expert's {@code expert_names} (V13).
 */
@Component
class ImprovementQueries {

    // Starts with a blank: it is appended right after select lists.
    private static final String FROM = " " + """
            from expert_generated_tasks t
            left join feedback_facts f on f.id = t.feedback_id
            left join expert_names u on u.expert_id = t.expert_id""";

    private static final String COLUMNS = """
            select t.id, t.task_id, t.task_name, t.feedback_id, t.expert_id, u.display_name, f.category::text as category,
                   t.question, t.answer, t.additional_details, t.status, t.resolution_note,
                   t.created_at at time zone 'UTC' as created_at,
                   t.status_changed_at""";

    private static final RowMapper<ImprovementTask> ROW = (rs, n) -> new ImprovementTask(rs.getObject("id", UUID.class), rs.getString("task_id"),
            rs.getString("task_name"), rs.getObject("feedback_id", UUID.class), rs.getObject("expert_id", UUID.class),
            rs.getString("display_name"), rs.getString("category"), rs.getString("question"), rs.getString("answer"),
            rs.getString("additional_details"), TaskStatus.valueOf(rs.getString("status")),
            rs.getString("resolution_note"), instant(rs, "created_at"), instant(rs, "status_changed_at"));

    private final JdbcClient jdbc;

    ImprovementQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number from the sequence (V16): two transactions never get the same one, even at once. */
    long nextNumber() {
        return jdbc.sql("select nextval('expert_generated_task_number')").query(Long.class).single();
    }

    void insert(String taskId, String taskName, NewTask task) {
        // created_at is the original's TIMESTAMP (without zone): written in UTC like the rest of the schema.
        jdbc.sql("""
                        insert into expert_generated_tasks (task_id, task_name, feedback_id, expert_id, question, answer,
                                                            additional_details, created_at, updated_at)
                        values (:id, :name, :feedback, :expert, :question, :answer, :details,
                                now() at time zone 'UTC', now() at time zone 'UTC')""")
                .param("id", taskId).param("name", taskName).param("feedback", task.feedbackId())
                .param("expert", task.expertId()).param("question", task.question()).param("answer", task.answer())
                .param("details", task.additionalDetails())
                .update();
    }

    List<ImprovementTask> find(TaskFilter filter, Instant now, long offset, int limit) {
        Where where = where(filter, now);
        return jdbc.sql(COLUMNS + FROM + where.sql() + " order by t.created_at desc, t.task_id desc limit :limit offset :offset")
                .params(where.params()).param("limit", limit).param("offset", offset)
                .query(ROW).list();
    }

    long count(TaskFilter filter, Instant now) {
        Where where = where(filter, now);
        return jdbc.sql("select count(*)" + FROM + where.sql()).params(where.params()).query(Long.class).single();
    }

    /** The task, locked for a status change (two reviewers deciding at once are serialized). */
    Optional<ImprovementTask> lock(String taskId) {
        return jdbc.sql(COLUMNS + FROM + " where t.task_id = :id for update of t").param("id", taskId)
                .query(ROW).optional();
    }

    void changeStatus(String taskId, TaskStatus status, String note, Integer userId) {
        jdbc.sql("""
                        update expert_generated_tasks set status = :status, resolution_note = :note,
                               status_changed_by = :user, status_changed_at = now(), updated_at = now() at time zone 'UTC'
                        where task_id = :id""")
                .param("status", status.code()).param("note", note).param("user", userId).param("id", taskId)
                .update();
    }

    /** The categories the tasks' feedback carry, for the view's filter. */
    List<String> categories() {
        return jdbc.sql("select distinct f.category::text from expert_generated_tasks t join feedback_facts f on f.id = t.feedback_id"
                        + " where f.category is not null order by 1")
                .query(String.class).list();
    }

    /** The experts who have tasks, by name, for the view's filter. */
    List<TaskExpert> experts() {
        return jdbc.sql("""
                        select distinct u.expert_id, u.display_name from expert_generated_tasks t
                        join expert_names u on u.expert_id = t.expert_id order by u.display_name""")
                .query((rs, n) -> new TaskExpert(rs.getObject("expert_id", UUID.class), rs.getString("display_name")))
                .list();
    }

    private static Where where(TaskFilter filter, Instant now) {
        return Where.where()
                .andIfPresent(filter.status(), "t.status = :status", "status", TaskStatus::code)
                .andIfPresent(filter.category(), "f.category::text = :category", "category")
                .andIfPresent(filter.expertId(), "t.expert_id = :expert", "expert")
                .andIfPresent(filter.olderThanDays(), "(t.created_at at time zone 'UTC') <= :before", "before",
                        days -> now.minusSeconds(86_400L * days).atOffset(ZoneOffset.UTC));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
