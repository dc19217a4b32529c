package it.expertfeedback.base.audit.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import it.expertfeedback.base.ui.AppDatePicker;
import it.expertfeedback.base.Access;
import it.expertfeedback.base.audit.AuditEntry;
import it.expertfeedback.base.audit.AuditFilter;
import it.expertfeedback.base.audit.AuditService;
import it.expertfeedback.base.ui.FilterBar;
import jakarta.annotation.security.RolesAllowed;
import it.expertfeedback.base.ui.Formats;

/**
 * The audit log for administrators: who changed what and when, newest first, filtered by entity, action,
 * actor, free text and dates; a row opens to show the state before and after.
 */
@Route("admin/audit")
@RolesAllowed(Access.ADMIN)
@Menu(order = 95, title = "nav.audit", icon = "vaadin:file-text-o")
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    final Grid<AuditEntry> grid = new Grid<>();
    final Select<String> entityType = new Select<>();
    final TextField action = new TextField();
    final TextField actor = new TextField();
    final TextField text = new TextField();
    final DatePicker from = new AppDatePicker();
    final DatePicker to = new AppDatePicker();
    private AuditFilter filter = AuditFilter.none();

    AuditLogView(AuditService audit) {
        setSizeFull();
        entityType.setItems("user", "expert_profile", "expert_feedback", "faq_candidate", "settings");
        entityType.setEmptySelectionAllowed(true);
        entityType.setEmptySelectionCaption(getTranslation("audit.entity") + ": " + getTranslation("common.all"));
        entityType.setItemLabelGenerator(type -> type == null
                ? getTranslation("audit.entity") + ": " + getTranslation("common.all")
                : getTranslation("audit.entity." + type));
        entityType.setId("audit-filter-entity");
        entityType.addValueChangeListener(e -> apply(filter.withEntityType(e.getValue())));
        FilterBar.textFilter(action, getTranslation("audit.action"), "audit-filter-action").addValueChangeListener(e -> apply(filter.withAction(e.getValue())));
        FilterBar.textFilter(actor, getTranslation("audit.actor"), "audit-filter-actor").addValueChangeListener(e -> apply(filter.withActorEmail(e.getValue())));
        FilterBar.textFilter(text, getTranslation("audit.text"), "audit-filter-text").addValueChangeListener(e -> apply(filter.withText(e.getValue())));
        from.setPlaceholder(getTranslation("audit.from"));
        from.setClearButtonVisible(true);
        from.addValueChangeListener(e -> apply(filter.withFrom(e.getValue())));
        to.setPlaceholder(getTranslation("audit.to"));
        to.setClearButtonVisible(true);
        to.addValueChangeListener(e -> apply(filter.withTo(e.getValue())));
        FilterBar filters = new FilterBar(entityType, action, actor, text, from, to);

        grid.addColumn(entry -> Formats.dateTime(entry.occurredAt(), getLocale())).setHeader(getTranslation("audit.when")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actorEmail).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(entry -> getTranslation("audit.entity." + entry.entityType())).setHeader(getTranslation("audit.entity")).setAutoWidth(true);
        grid.addColumn(AuditEntry::entityId).setHeader(getTranslation("audit.entity-id")).setAutoWidth(true);
        grid.addColumn(entry -> actionLabel(entry.action())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.setItems(query -> audit.find(filter, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) audit.count(filter));
        grid.setId("audit-grid");
        grid.setSizeFull();
        add(new H2(getTranslation("nav.audit")), filters, grid);
    }

    private Div details(AuditEntry entry) {
        Pre before = new Pre(entry.before() == null ? "—" : entry.before());
        Pre after = new Pre(entry.after() == null ? "—" : entry.after());
        HorizontalLayout states = new HorizontalLayout(
                new VerticalLayout(new Div(getTranslation("audit.before")), before),
                new VerticalLayout(new Div(getTranslation("audit.after")), after));
        states.setWidthFull();
        return new Div(states);
    }

    /** Actions in words (audit.action.*); a code no bundle knows yet (a new feature's) shows as it is stored. */
    private String actionLabel(String action) {
        String label = getTranslation("audit.action." + action);
        return label.startsWith("!") ? action : label;
    }

    private void apply(AuditFilter next) {
        filter = next;
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit");
    }
}
