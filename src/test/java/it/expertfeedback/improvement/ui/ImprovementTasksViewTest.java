package it.expertfeedback.improvement.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.html.H2;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.feedback.SubmissionResult;
import it.expertfeedback.improvement.ImprovementTask;
import it.expertfeedback.improvement.TaskStatus;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.BrowserlessUi;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The "Miglioramenti" view: a reviewer filters the tasks and moves one to applied, which improves the feedback. */
@IntegrationTest
class ImprovementTasksViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestUsers testUsers;

    @Autowired
    FeedbackService feedback;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_reviewer_filters_by_expert_and_moves_a_task_from_open_through_in_progress_to_applied() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        SubmissionResult result;
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            result = feedback.submit(new FeedbackSubmission(UUID.randomUUID(), "incorrect", "calcolo_sbagliato",
                    "Quanto vale la ritenuta sui compensi professionali?", "Il 10%.", null, List.of(), List.of(), 0.6,
                    90, null, "È il 20%.", null));
        }
        assertThat(result.generatedTaskId()).matches("QUERY-\\d{4,}");

        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("REVIEWER"))) {
            ImprovementTasksView view = ui.navigate("miglioramenti", ImprovementTasksView.class);
            assertThat(_get(H2.class, spec -> { }).getText()).isEqualTo("Miglioramenti");
            assertThat(view.status.getValue()).as("open tasks first").isEqualTo(TaskStatus.open);
            view.expert.setValue(view.expert.getListDataView().getItems()
                    .filter(e -> e.displayName().equals("Utente " + expert.email().substring(5, 13)))
                    .findFirst().orElseThrow());
            assertThat(GridKt._size(view.grid)).isEqualTo(1);
            ImprovementTask task = GridKt._get(view.grid, 0);
            assertThat(task.taskId()).isEqualTo(result.generatedTaskId());
            assertThat(task.additionalDetails()).isEqualTo("È il 20%.");

            view.open(task);
            TaskStatusDialog dialog = _get(TaskStatusDialog.class, spec -> { });
            assertThat(dialog.next.getListDataView().getItems()).containsExactly(TaskStatus.in_progress,
                    TaskStatus.applied, TaskStatus.wont_fix);
            dialog.next.setValue(TaskStatus.in_progress);
            ButtonKt._click(dialog.save);
            assertThat(GridKt._size(view.grid)).as("no longer open").isZero();

            view.status.setValue(TaskStatus.in_progress);
            view.open(GridKt._get(view.grid, 0));
            TaskStatusDialog second = _get(TaskStatusDialog.class, spec -> { });
            second.next.setValue(TaskStatus.applied);
            second.note.setValue("Aliquota corretta nella base di conoscenza.");
            ButtonKt._click(second.save);
        }
        assertThat(jdbc.queryForObject("select status from expert_generated_tasks where task_id = ?", String.class,
                result.generatedTaskId())).isEqualTo("applied");
        assertThat(jdbc.queryForObject("select improvement_applied from expert_feedback where id = ?", Boolean.class,
                result.feedbackId())).isTrue();
    }
}
