package it.expertfeedback.feedback.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import it.expertfeedback.base.ui.AppDatePicker;
import it.expertfeedback.base.ui.FilterBar;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.base.ui.UrlState;
import it.expertfeedback.feedback.FeedbackCategory;
import it.expertfeedback.feedback.FeedbackFilter;
import it.expertfeedback.feedback.FeedbackRow;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackType;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;

/**
 * Every expert's feedback for reviewers: counts per Italian category and per verdict on top (a click filters
 * by it), filters, and a lazy grid newest first. A row opens the detail with the reviewer's actions.
 */
@Route("feedback/browse")
@RolesAllowed({AppRoles.REVIEWER, AppRoles.ADMIN})
@Menu(order = 12, title = "nav.feedback", icon = "vaadin:comments-o")
public class FeedbackBrowserView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    final Grid<FeedbackRow> grid = new Grid<>();
    final Map<FeedbackCategory, Button> categoryCounts = new EnumMap<>(FeedbackCategory.class);
    final Map<FeedbackType, Button> typeCounts = new EnumMap<>(FeedbackType.class);
    final Select<FeedbackType> type = new Select<>();
    final Select<FeedbackCategory> category = new Select<>();
    final TextField expert = new TextField();
    final TextField text = new TextField();
    final DatePicker from = new AppDatePicker();
    final DatePicker to = new AppDatePicker();
    final Select<Boolean> reviewed = new Select<>();
    final Select<Boolean> applied = new Select<>();
    final Paragraph total = new Paragraph();
    private final transient FeedbackService feedback;
    private final UrlState url = new UrlState("feedback/browse");
    private FeedbackFilter filter = FeedbackFilter.none();
    private boolean oldestFirst;
    private long count; // the filtered rows, counted once per filter change for "N risultati" and the grid

    FeedbackBrowserView(FeedbackService feedback) {
        this.feedback = feedback;
        setSizeFull();
        total.setId("feedback-result-count");
        add(new H2(getTranslation("nav.feedback")), counters(), filters(), total, grid());
        refreshCounts();
    }

    private VerticalLayout counters() {
        HorizontalLayout byType = new HorizontalLayout();
        for (FeedbackType t : FeedbackType.values()) {
            Button button = new Button("", click -> type.setValue(type.getValue() == t ? null : t));
            button.setId("count-type-" + t.code());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            typeCounts.put(t, button);
            byType.add(button);
        }
        HorizontalLayout byCategory = new HorizontalLayout();
        byCategory.setWrap(true);
        for (FeedbackCategory c : FeedbackCategory.values()) {
            Button button = new Button("", click -> category.setValue(category.getValue() == c ? null : c));
            button.setId("count-category-" + c.code());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            button.setTooltipText(getTranslation(c.descriptionKey()));
            categoryCounts.put(c, button);
            byCategory.add(button);
        }
        VerticalLayout counters = new VerticalLayout(byType, byCategory);
        counters.setPadding(false);
        counters.setSpacing(false);
        return counters;
    }

    private FilterBar filters() {
        type.setItems(FeedbackType.values());
        FilterBar.allOption(type, getTranslation("feedback.verdict") + ": " + getTranslation("common.all"), "feedback-filter-type");
        type.setItemLabelGenerator(t -> t == null ? getTranslation("feedback.verdict") + ": " + getTranslation("common.all") : getTranslation(t.labelKey()));
        type.addValueChangeListener(e -> apply(filter.withType(e.getValue())));
        category.setItems(FeedbackCategory.values());
        FilterBar.allOption(category, getTranslation("feedback.category") + ": " + getTranslation("common.all"), "feedback-filter-category");
        category.setItemLabelGenerator(c -> c == null ? getTranslation("feedback.category") + ": " + getTranslation("common.all") : getTranslation(c.labelKey()));
        category.addValueChangeListener(e -> apply(filter.withCategory(e.getValue())));
        FilterBar.textFilter(expert, getTranslation("feedback.filter.expert"), "feedback-filter-expert").addValueChangeListener(e -> apply(filter.withExpertText(e.getValue())));
        FilterBar.textFilter(text, getTranslation("feedback.filter.text"), "feedback-filter-text").addValueChangeListener(e -> apply(filter.withText(e.getValue())));
        from.setPlaceholder(getTranslation("audit.from"));
        from.setClearButtonVisible(true);
        from.setId("feedback-filter-from");
        from.addValueChangeListener(e -> apply(filter.withFrom(e.getValue())));
        to.setPlaceholder(getTranslation("audit.to"));
        to.setClearButtonVisible(true);
        to.setId("feedback-filter-to");
        to.addValueChangeListener(e -> apply(filter.withTo(e.getValue())));
        FilterBar.yesNoAll(reviewed, "feedback.filter.reviewed", "feedback-filter-reviewed");
        reviewed.addValueChangeListener(e -> apply(filter.withReviewed(e.getValue())));
        FilterBar.yesNoAll(applied, "feedback.improvement-applied", "feedback-filter-applied");
        applied.addValueChangeListener(e -> apply(filter.withImprovementApplied(e.getValue())));
        return new FilterBar(type, category, expert, text, from, to, reviewed, applied);
    }

    private Grid<FeedbackRow> grid() {
        Grid.Column<FeedbackRow> when = grid.addColumn(r -> Formats.dateTime(r.feedbackTimestamp(), getLocale()))
                .setHeader(getTranslation("feedback.when")).setKey("feedbackTimestamp").setSortable(true).setAutoWidth(true);
        grid.addColumn(FeedbackRow::expertName).setHeader(getTranslation("feedback.expert")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.type() == null ? "feedback.type.unknown" : r.type().labelKey())).setHeader(getTranslation("feedback.verdict")).setAutoWidth(true);
        grid.addColumn(r -> r.category() != null ? getTranslation(r.category().labelKey()) : r.otherCategory() ? getTranslation("feedback.type.unknown") : "—")
                .setHeader(getTranslation("feedback.category")).setAutoWidth(true);
        grid.addColumn(FeedbackRow::queryText).setHeader(getTranslation("feedback.query-text")).setWidth("12rem").setFlexGrow(1)
                .setTooltipGenerator(FeedbackRow::queryText); // narrow minimum: at 1440 px all seven columns fit
        grid.addColumn(r -> r.verdict() == null ? getTranslation("feedback.review.none") : getTranslation(r.verdict().labelKey()))
                .setHeader(getTranslation("feedback.review")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.improvementApplied() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("feedback.improvement-applied")).setAutoWidth(true);
        grid.setItems(query -> {
            oldestFirst = query.getSortOrders().stream().anyMatch(order -> order.getDirection() == SortDirection.ASCENDING);
            return feedback.findFeedback(filter, oldestFirst, PageRequest.of(query.getPage(), query.getPageSize())).stream();
        }, query -> (int) count);
        grid.sort(List.of(new GridSortOrder<>(when, SortDirection.DESCENDING)));
        grid.addSortListener(sorted -> url.put("sort", sorted.getSortOrder().stream()
                .anyMatch(order -> order.getDirection() == SortDirection.ASCENDING) ? "asc" : null).write());
        // The detail gets the list it came from (filters and order), so its previous / next walk this very list.
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("feedback/detail/" + click.getItem().id(),
                FeedbackListContext.browse(filter, oldestFirst).parameters())));
        grid.setId("feedback-grid");
        grid.setSizeFull();
        return grid;
    }

    /** The filters come from the URL (Back from a detail, reload, a shared link, the analytics dashboard's links). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        url.restore(event, () -> {
            category.setValue(url.get("category").flatMap(FeedbackCategory::fromCode).orElse(null));
            type.setValue(url.get("type").flatMap(FeedbackType::fromCode).orElse(null));
            from.setValue(url.date("from").orElse(null));
            to.setValue(url.date("to").orElse(null));
            expert.setValue(url.get("expert").orElse(""));
            text.setValue(url.get("q").orElse(""));
            reviewed.setValue(url.bool("reviewed").orElse(null));
            applied.setValue(url.bool("applied").orElse(null));
            if (url.get("sort").filter("asc"::equals).isPresent()) {
                oldestFirst = true; // before the first fetch: a detail opened at once gets the right order
                grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("feedbackTimestamp"), SortDirection.ASCENDING)));
            }
        });
    }

    private void apply(FeedbackFilter next) {
        filter = next;
        grid.getDataProvider().refreshAll();
        refreshCounts();
        url.put("type", next.type() == null ? null : next.type().code())
                .put("category", next.category() == null ? null : next.category().code()).put("expert", next.expertText())
                .put("q", next.text()).put("from", next.from()).put("to", next.to()).put("reviewed", next.reviewed())
                .put("applied", next.improvementApplied()).write();
    }

    private void refreshCounts() {
        count = feedback.countFeedback(filter);
        total.setText(getTranslation("feedback.result-count", count));
        Map<FeedbackType, Long> byType = feedback.countByType(filter);
        typeCounts.forEach((t, button) -> {
            button.setText(getTranslation(t.labelKey()) + " (" + Formats.integer(byType.getOrDefault(t, 0L), getLocale()) + ")");
            FilterBar.pressed(button, t == filter.type());
        });
        Map<FeedbackCategory, Long> byCategory = feedback.countByCategory(filter);
        categoryCounts.forEach((c, button) -> {
            button.setText(getTranslation(c.labelKey()) + " (" + Formats.integer(byCategory.getOrDefault(c, 0L), getLocale()) + ")");
            FilterBar.pressed(button, c == filter.category());
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.feedback");
    }
}
