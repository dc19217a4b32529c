package it.expertfeedback.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.security.UserAccountService;
import jakarta.annotation.security.PermitAll;

/**
 * Choose your own password. Everyone signed in may open it; someone with a one-time password (new account or
 * reset) is sent here by the shell until they have chosen one.
 */
@Route("change-password")
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordField replacement = new PasswordField();
    final PasswordField confirmation = new PasswordField();
    final Button save = new Button();

    ChangePasswordView(UserAccountService users) {
        setMaxWidth("32rem");
        boolean required = users.mustChangePasswordOfCurrentUser();
        Paragraph why = new Paragraph(getTranslation(required ? "password.change.required" : "password.change.help"));
        why.setId("password-change-why");
        current.setLabel(getTranslation("password.current"));
        current.setId("password-current");
        replacement.setLabel(getTranslation("password.new"));
        replacement.setHelperText(getTranslation("user.error.weak-password", 10));
        replacement.setId("password-new");
        confirmation.setLabel(getTranslation("password.confirm"));
        confirmation.setId("password-confirm");
        FieldErrors errors = new FieldErrors(this).bind("current_password", current).bind("new_password", replacement)
                .bind("confirmation", confirmation);
        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.setId("password-save");
        save.addClickListener(click -> {
            errors.clear();
            if (!replacement.getValue().equals(confirmation.getValue())) {
                confirmation.setErrorMessage(getTranslation("password.mismatch"));
                confirmation.setInvalid(true);
                return;
            }
            UiErrors.run(this, errors, () -> {
                users.changeOwnPassword(current.getValue(), replacement.getValue());
                Notifications.success(getTranslation("password.changed"));
                getUI().ifPresent(ui -> ui.navigate(""));
            });
        });
        add(new H2(getTranslation("password.title")), why, new FormLayout(current, replacement, confirmation), save);
        current.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title");
    }
}
