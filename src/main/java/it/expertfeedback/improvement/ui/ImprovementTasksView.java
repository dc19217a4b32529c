package it.expertfeedback.improvement.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import it.expertfeedback.base.ui.FilterBar;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.improvement.ImprovementService;
import it.expertfeedback.improvement.ImprovementTask;
import it.expertfeedback.improvement.TaskExpert;
import it.expertfeedback.improvement.TaskFilter;
import it.expertfeedback.improvement.TaskStatus;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * "Miglioramenti": the improvement tasks experts' incomplete and incorrect verdicts created (DOMAIN.md §9), newest
 * first, filtered by status, category, expert and age; a row opens the dialog that moves it on.
 */
@Route("miglioramenti")
@RolesAllowed({AppRoles.REVIEWER, AppRoles.ADMIN})
@Menu(order = 14.3, title = "nav.improvements", icon = "vaadin:tools")
public class ImprovementTasksView extends VerticalLayout implements HasDynamicTitle {

    /** The age filter's choices, in days ("created at least … days ago"). */
    static final List<Integer> AGES = List.of(7, 30, 90);

    final Grid<ImprovementTask> grid = new Grid<>();
    final ComboBox<TaskStatus> status = new ComboBox<>();
    final ComboBox<String> category = new ComboBox<>();
    final ComboBox<TaskExpert> expert = new ComboBox<>();
    final ComboBox<Integer> age = new ComboBox<>();
    private final transient ImprovementService improvements;

    ImprovementTasksView(ImprovementService improvements) {
        this.improvements = improvements;
        setSizeFull();
        status.setItems(TaskStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        status.setValue(TaskStatus.open);
        filter(status, "improvement.filter.status", "improvement-status");
        category.setItems(improvements.categories());
        category.setItemLabelGenerator(code -> getTranslation("feedback.category." + code));
        filter(category, "improvement.filter.category", "improvement-category");
        expert.setItems(improvements.experts());
        expert.setItemLabelGenerator(TaskExpert::displayName);
        filter(expert, "improvement.filter.expert", "improvement-expert");
        age.setItems(AGES);
        age.setItemLabelGenerator(days -> getTranslation("improvement.filter.older-than", days));
        filter(age, "improvement.filter.age", "improvement-age");

        grid.addColumn(ImprovementTask::taskId).setHeader(getTranslation("improvement.task-id")).setAutoWidth(true);
        // Narrow minimums that grow into the free space (full text in the tooltip): all seven columns fit 1440 px.
        grid.addColumn(ImprovementTask::question).setHeader(getTranslation("improvement.question"))
                .setWidth("12rem").setFlexGrow(2).setTooltipGenerator(ImprovementTask::question);
        grid.addColumn(ImprovementTask::additionalDetails).setHeader(getTranslation("improvement.details"))
                .setWidth("10rem").setFlexGrow(1).setTooltipGenerator(t -> t.additionalDetails() == null ? "" : t.additionalDetails());
        grid.addColumn(t -> t.category() == null ? "—" : getTranslation("feedback.category." + t.category()))
                .setHeader(getTranslation("improvement.filter.category")).setAutoWidth(true);
        grid.addColumn(t -> t.expertName() == null ? "—" : t.expertName())
                .setHeader(getTranslation("improvement.filter.expert")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation(t.status().labelKey())).setHeader(getTranslation("improvement.filter.status"))
                .setAutoWidth(true);
        grid.addColumn(t -> Formats.dateTime(t.createdAt(), getLocale())).setHeader(getTranslation("improvement.created-at"))
                .setAutoWidth(true);
        grid.setItems(query -> improvements.find(currentFilter(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) improvements.count(currentFilter()));
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setId("improvement-grid");
        grid.setSizeFull();
        add(new H2(getTranslation("nav.improvements")), new FilterBar(status, category, expert, age, csvLink()), grid);
    }

    private void filter(ComboBox<?> box, String labelKey, String id) {
        box.setPlaceholder(getTranslation(labelKey));
        box.setClearButtonVisible(true);
        box.setId(id);
        box.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    }

    TaskFilter currentFilter() {
        return new TaskFilter(status.getValue(), category.getValue(),
                expert.getValue() == null ? null : expert.getValue().expertId(), age.getValue());
    }

    private Anchor csvLink() {
        DownloadHandler handler = event -> {
            event.setFileName("miglioramenti.csv");
            event.setContentType("text/csv; charset=UTF-8");
            event.getOutputStream().write(improvements.csv(currentFilter()).getBytes(StandardCharsets.UTF_8));
        };
        Anchor anchor = new Anchor(handler, getTranslation("improvement.export.csv"));
        anchor.setId("improvement-export-csv");
        return anchor;
    }

    void open(ImprovementTask task) {
        new TaskStatusDialog(task, improvements, () -> grid.getDataProvider().refreshAll()).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.improvements");
    }
}
