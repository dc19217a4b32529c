package it.expertfeedback.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.OneTimePasswordDialog;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.security.AppRoles;
import it.expertfeedback.security.CreatedAccount;
import it.expertfeedback.security.UserAccount;
import it.expertfeedback.security.UserAccountService;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/**
 * The administrator's accounts: a lazy list with roles and state; create (one-time password), change roles,
 * disable / enable and reset password, each destructive action confirmed. The last administrator is kept.
 */
@Route("admin/users")
@RolesAllowed(AppRoles.ADMIN)
@Menu(order = 90, title = "nav.users", icon = "vaadin:users")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    final Grid<UserAccount> grid = new Grid<>();
    private final transient UserAccountService users;

    UsersView(UserAccountService users) {
        this.users = users;
        setSizeFull();
        Button create = new Button(getTranslation("user.create"), VaadinIcon.PLUS.create(),
                click -> new UserDialog(users, null, this::refresh).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("user-create");
        HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("nav.users")), create);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.addColumn(UserAccount::getDisplayName).setHeader(getTranslation("user.name"))
                .setKey("displayName").setSortable(true).setAutoWidth(true);
        grid.addColumn(UserAccount::getEmail).setHeader(getTranslation("user.email"))
                .setKey("email").setSortable(true).setAutoWidth(true);
        grid.addColumn(user -> user.getRoles().stream().sorted().map(role -> getTranslation(role.labelKey()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("user.roles"));
        grid.addColumn(user -> getTranslation(user.isEnabled() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("user.enabled")).setKey("enabled").setSortable(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("common.actions")).setAutoWidth(true);
        grid.setItems(query -> users.listUsers(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) users.countUsers());
        grid.setId("users-grid");
        grid.setSizeFull();
        add(header, grid);
    }

    private HorizontalLayout actions(UserAccount user) {
        Button roles = new Button(getTranslation("user.edit-roles"), click -> new UserDialog(users, user, this::refresh).open());
        roles.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button enable = new Button(getTranslation(user.isEnabled() ? "user.disable" : "user.enable"),
                click -> confirm(getTranslation(user.isEnabled() ? "user.disable.confirm" : "user.enable.confirm", user.getEmail()),
                        () -> users.setEnabled(user.getId(), !user.isEnabled())));
        enable.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if (user.isEnabled()) {
            enable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button reset = new Button(getTranslation("user.reset-password"),
                click -> confirm(getTranslation("user.reset-password.confirm", user.getEmail()), () -> {
                    CreatedAccount reset1 = users.resetPassword(user.getId());
                    new OneTimePasswordDialog(reset1.account().getEmail(), reset1.oneTimePassword()).open();
                }));
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(roles, enable, reset);
    }

    private void confirm(String question, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("common.confirm"), question,
                getTranslation("common.confirm"), yes -> {
                    if (UiErrors.run(this, action) == UiErrors.Outcome.DONE) {
                        Notifications.success(getTranslation("common.saved"));
                    }
                    refresh();
                });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("common.cancel"));
        dialog.setId("user-confirm");
        dialog.open();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users");
    }
}
