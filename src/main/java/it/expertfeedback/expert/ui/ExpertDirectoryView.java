package it.expertfeedback.expert.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import it.expertfeedback.base.ui.DecimalField;
import it.expertfeedback.base.ui.FilterBar;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.base.ui.TwoLineCell;
import it.expertfeedback.expert.CredentialType;
import it.expertfeedback.expert.ExpertFilter;
import it.expertfeedback.expert.ExpertRow;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.security.AppRoles;
import it.expertfeedback.security.UserAccountService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The experts grid for reviewers (read-only) and administrators (who may also create profiles): filters,
 * sorting and lazy paging all done by the database. A click opens the expert's detail and trust explanation.
 */
@Route("experts")
@RolesAllowed({AppRoles.REVIEWER, AppRoles.ADMIN})
@Menu(order = 10, title = "nav.experts", icon = "vaadin:academy-cap")
public class ExpertDirectoryView extends VerticalLayout implements HasDynamicTitle {

    final Grid<ExpertRow> grid = new Grid<>();
    final TextField search = new TextField();
    final ComboBox<CredentialType> credentialType = new ComboBox<>();
    final ComboBox<String> specialization = new ComboBox<>();
    final Select<Boolean> verified = new Select<>();
    final Select<Boolean> active = new Select<>();
    final DecimalField minTrust = new DecimalField();
    final Button create = new Button();
    private ExpertFilter filter = ExpertFilter.none();

    ExpertDirectoryView(ExpertService experts, UserAccountService users, AuthenticationContext authentication) {
        setSizeFull();
        HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("nav.experts")));
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (authentication.hasRole(AppRoles.ADMIN)) {
            create.setText(getTranslation("expert.create"));
            create.setIcon(VaadinIcon.PLUS.create());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("expert-create");
            create.addClickListener(click -> new ExpertCreateDialog(experts, users, grid.getDataProvider()::refreshAll).open());
            header.add(create);
        }
        add(header, filters(experts), grid(experts));
    }

    private FilterBar filters(ExpertService experts) {
        search.setPlaceholder(getTranslation("expert.filter.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("expert-filter-text");
        search.addValueChangeListener(e -> apply(filter.withText(e.getValue())));

        credentialType.setPlaceholder(getTranslation("expert.credential-types"));
        credentialType.setItems(CredentialType.values());
        credentialType.setItemLabelGenerator(type -> getTranslation(type.labelKey()));
        credentialType.setClearButtonVisible(true);
        credentialType.setId("expert-filter-credential");
        credentialType.addValueChangeListener(e -> apply(filter.withCredentialType(e.getValue())));

        specialization.setPlaceholder(getTranslation("expert.specializations"));
        specialization.setItems(experts.allSpecializations());
        specialization.setClearButtonVisible(true);
        specialization.setId("expert-filter-specialization");
        specialization.addValueChangeListener(e -> apply(filter.withSpecialization(e.getValue())));

        tristate(verified, "expert.verified", "expert-filter-verified");
        verified.addValueChangeListener(e -> apply(filter.withVerified(e.getValue())));
        tristate(active, "expert.active", "expert-filter-active");
        active.addValueChangeListener(e -> apply(filter.withActive(e.getValue())));

        minTrust.setPlaceholder(getTranslation("expert.filter.min-trust"));
        minTrust.setClearButtonVisible(true);
        minTrust.setValueChangeMode(ValueChangeMode.LAZY);
        minTrust.setId("expert-filter-min-trust");
        minTrust.addValueChangeListener(e -> apply(filter.withMinTrust(e.getValue())));

        return new FilterBar(search, credentialType, specialization, verified, active, minTrust);
    }

    private void tristate(Select<Boolean> select, String labelKey, String id) {
        select.setPlaceholder(getTranslation(labelKey));
        select.setItems(Boolean.TRUE, Boolean.FALSE);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation(labelKey) + ": " + getTranslation("common.all"));
        select.setItemLabelGenerator(value -> value == null
                ? getTranslation(labelKey) + ": " + getTranslation("common.all")
                : getTranslation(labelKey) + ": " + getTranslation(value ? "common.yes" : "common.no"));
        select.setId(id);
    }

    private Grid<ExpertRow> grid(ExpertService experts) {
        // Twelve facts do not fit 1440 px side by side: the email goes under the name and the city under the
        // organisation (sorting by name / organisation as before), the long lists are cut with a tooltip.
        grid.addColumn(TwoLineCell.of(ExpertRow::displayName, ExpertRow::email))
                .setHeader(getTranslation("expert.name") + " · " + getTranslation("expert.email"))
                .setKey("displayName").setSortable(true).setAutoWidth(true).setFrozen(true);
        grid.addColumn(row -> java.util.stream.Stream.concat(row.credentialTypes().stream().map(CredentialType::labelKey),
                row.otherCredentialLabels().stream().map(other -> CredentialType.OTHER_LABEL_KEY)).distinct()
                .map(this::getTranslation).collect(Collectors.joining(", "))).setHeader(getTranslation("expert.credential-types"))
                .setWidth("8rem").setFlexGrow(1).setTooltipGenerator(row -> String.join(", ", row.credentialTypes().stream()
                        .map(CredentialType::labelKey).map(this::getTranslation).toList()));
        grid.addColumn(row -> String.join(", ", row.specializations())).setHeader(getTranslation("expert.specializations"))
                .setWidth("8rem").setFlexGrow(1).setTooltipGenerator(row -> String.join(", ", row.specializations()));
        grid.addColumn(ExpertRow::experienceYears).setHeader(getTranslation("expert.experience"))
                .setKey("experienceYears").setSortable(true).setWidth("6.5rem").setFlexGrow(0);
        Grid.Column<ExpertRow> trustColumn = grid.addColumn(row -> Formats.score(row.trustScore(), getLocale()))
                .setHeader(getTranslation("expert.trust")).setKey("trustScore").setSortable(true).setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(TwoLineCell.of(row -> getTranslation("expert.verified") + ": " + getTranslation(row.verified() ? "common.yes" : "common.no"),
                        row -> getTranslation("expert.active") + ": " + getTranslation(row.active() ? "common.yes" : "common.no")))
                .setHeader(getTranslation("expert.verified") + " · " + getTranslation("expert.active")).setKey("verified")
                .setSortable(true).setWidth("8rem").setFlexGrow(0);
        grid.addColumn(ExpertRow::feedbackCount).setHeader(getTranslation("expert.feedback-count"))
                .setKey("feedbackCount").setSortable(true).setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(row -> Formats.percent(row.accuracyRate(), getLocale())).setHeader(getTranslation("expert.accuracy"))
                .setKey("accuracyRate").setSortable(true).setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(TwoLineCell.of(ExpertRow::organization, ExpertRow::city))
                .setHeader(getTranslation("expert.organization") + " · " + getTranslation("expert.city"))
                .setKey("organization").setSortable(true).setWidth("10rem").setFlexGrow(1);
        grid.setItems(
                query -> experts.findExperts(filter, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) experts.countExperts(filter));
        grid.sort(List.of(new GridSortOrder<>(trustColumn, SortDirection.DESCENDING)));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ExpertDetailView.class, click.getItem().id().toString())));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // long headers wrap instead of being cut
        grid.setId("experts-grid");
        grid.setSizeFull();
        return grid;
    }

    private void apply(ExpertFilter next) {
        filter = next;
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.experts");
    }
}
