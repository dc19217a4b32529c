package it.expertfeedback.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.OneTimePasswordDialog;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.security.CreatedAccount;
import it.expertfeedback.security.Role;
import it.expertfeedback.security.UserAccount;
import it.expertfeedback.security.UserAccountService;

/** Creates an account (shows its one-time password once) or changes an existing account's roles. */
class UserDialog extends Dialog {

    final EmailField email = new EmailField();
    final TextField displayName = new TextField();
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final Button save = new Button();

    UserDialog(UserAccountService users, UserAccount existing, Runnable afterSave) {
        setHeaderTitle(getTranslation(existing == null ? "user.create" : "user.edit-roles"));
        email.setLabel(getTranslation("user.email"));
        email.setId("user-email");
        displayName.setLabel(getTranslation("user.name"));
        displayName.setMaxLength(200);
        displayName.setId("user-name");
        roles.setLabel(getTranslation("user.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(role -> getTranslation(role.labelKey()));
        roles.setId("user-roles");
        FieldErrors errors = new FieldErrors(this).bind("email", email).bind("display_name", displayName).bind("roles", roles);
        if (existing != null) {
            email.setValue(existing.getEmail());
            email.setReadOnly(true);
            displayName.setValue(existing.getDisplayName());
            displayName.setReadOnly(true);
            roles.select(existing.getRoles());
        } else {
            roles.select(Role.EXPERT);
        }
        add(new FormLayout(email, displayName, roles));
        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(this);
        save.setId("user-save");
        save.addClickListener(click -> {
            UiErrors.run(this, errors, () -> {
                if (existing == null) {
                    CreatedAccount created = users.createUserWithOneTimePassword(email.getValue(), displayName.getValue(),
                            roles.getSelectedItems());
                    new OneTimePasswordDialog(created.account().getEmail(), created.oneTimePassword()).open();
                } else {
                    users.changeRoles(existing.getId(), roles.getSelectedItems());
                }
                Notifications.success(getTranslation("common.saved"));
                close();
                afterSave.run();
            });
        });
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
    }
}
