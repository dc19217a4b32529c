package it.expertfeedback.security.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import it.expertfeedback.security.AppRoles;
import it.expertfeedback.security.UserAccount;
import it.expertfeedback.security.UserAccountService;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** The administrator's list of accounts and their roles (lazy). */
@Route("admin/users")
@RolesAllowed(AppRoles.ADMIN)
@Menu(order = 90, title = "nav.users", icon = "vaadin:users")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    final Grid<UserAccount> grid = new Grid<>();

    UsersView(UserAccountService users) {
        setSizeFull();
        grid.addColumn(UserAccount::getDisplayName).setHeader(getTranslation("user.name"))
                .setKey("displayName").setSortable(true).setAutoWidth(true);
        grid.addColumn(UserAccount::getEmail).setHeader(getTranslation("user.email"))
                .setKey("email").setSortable(true).setAutoWidth(true);
        grid.addColumn(user -> user.getRoles().stream().sorted().map(role -> getTranslation(role.labelKey()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("user.roles"));
        grid.addColumn(user -> getTranslation(user.isEnabled() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("user.enabled"));
        grid.setItems(query -> users.listUsers(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setSizeFull();
        add(new H2(getTranslation("nav.users")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users");
    }
}
