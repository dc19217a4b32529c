package it.expertfeedback.expert.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import it.expertfeedback.expert.ExpertListRow;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;

/** Reviewers' and admins' directory of experts: a lazy grid, one database page at a time. */
@Route("experts")
@RolesAllowed({AppRoles.REVIEWER, AppRoles.ADMIN})
@Menu(order = 10, title = "nav.experts", icon = "vaadin:academy-cap")
public class ExpertDirectoryView extends VerticalLayout implements HasDynamicTitle {

    final Grid<ExpertListRow> grid = new Grid<>();

    ExpertDirectoryView(ExpertService experts) {
        setSizeFull();
        NumberFormat trust = NumberFormat.getNumberInstance(getLocale());
        trust.setMinimumFractionDigits(4);
        trust.setMaximumFractionDigits(4);
        grid.addColumn(ExpertListRow::getDisplayName).setHeader(getTranslation("expert.name"))
                .setKey("displayName").setSortable(true).setAutoWidth(true);
        grid.addColumn(ExpertListRow::getEmail).setHeader(getTranslation("expert.email")).setAutoWidth(true);
        grid.addColumn(ExpertListRow::getOrganization).setHeader(getTranslation("expert.organization"));
        grid.addColumn(ExpertListRow::getCity).setHeader(getTranslation("expert.city"));
        grid.addColumn(ExpertListRow::getExperienceYears).setHeader(getTranslation("expert.experience"))
                .setKey("experienceYears").setSortable(true);
        Grid.Column<ExpertListRow> trustColumn = grid.addColumn(row -> trust.format(row.getTrustScore()))
                .setHeader(getTranslation("expert.trust")).setKey("trustScore").setSortable(true);
        grid.addColumn(ExpertListRow::getFeedbackCount).setHeader(getTranslation("expert.feedback-count"))
                .setKey("feedbackCount").setSortable(true);
        grid.addColumn(row -> getTranslation(Boolean.TRUE.equals(row.getVerified()) ? "common.yes" : "common.no"))
                .setHeader(getTranslation("expert.verified"));
        grid.addColumn(row -> getTranslation(Boolean.TRUE.equals(row.getActive()) ? "common.yes" : "common.no"))
                .setHeader(getTranslation("expert.active"));
        grid.setItems(query -> experts.listExperts(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.sort(java.util.List.of(new GridSortOrder<>(trustColumn, SortDirection.DESCENDING)));
        grid.setSizeFull();
        add(new H2(getTranslation("nav.experts")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.experts");
    }
}
