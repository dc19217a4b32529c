package it.expertfeedback.expert.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.OneTimePasswordDialog;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.expert.ExpertProfile;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.security.UserAccount;
import it.expertfeedback.security.UserAccountService;
import java.util.Optional;

/**
 * New expert profile. The email decides: an existing account gets the profile (and the EXPERT role); an unknown
 * email creates the account too, with a one-time password shown once. Nothing is written on invalid input.
 */
class ExpertCreateDialog extends Dialog {

    final EmailField email = new EmailField();
    final TextField displayName = new TextField();
    final ExpertForm form;
    final Button save = new Button();
    private final FieldErrors errors = new FieldErrors(this);

    ExpertCreateDialog(ExpertService experts, UserAccountService users, Runnable afterSave) {
        setHeaderTitle(getTranslation("expert.create"));
        setWidth("min(60rem, 95vw)");
        email.setLabel(getTranslation("user.email"));
        email.setRequiredIndicatorVisible(true);
        email.setId("expert-create-email");
        displayName.setLabel(getTranslation("user.name"));
        displayName.setHelperText(getTranslation("expert.create.name-help"));
        displayName.setMaxLength(200);
        displayName.setId("expert-create-name");
        form = new ExpertForm(experts.allSpecializations());
        errors.bind("email", email).bind("display_name", displayName).bind("user_id", email);
        form.bindFields(errors);
        add(new Paragraph(getTranslation("expert.create.help")), new FormLayout(email, displayName), form);

        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(this);
        save.setId("expert-create-save");
        save.addClickListener(click -> save(experts, users, afterSave));
        Button cancel = new Button(getTranslation("common.cancel"), click -> close());
        getFooter().add(cancel, save);
    }

    private void save(ExpertService experts, UserAccountService users, Runnable afterSave) {
        UiErrors.run(this, errors, () -> {
        Optional<UserAccount> existing = users.findByEmail(email.getValue());
        ExpertProfile created;
        if (existing.isPresent()) {
            created = experts.createProfile(existing.get().getId(), form.draft());
        } else {
            ExpertService.NewExpert result = experts.createUserAndProfile(email.getValue(), displayName.getValue(), form.draft());
            created = result.profile();
            new OneTimePasswordDialog(result.account().getEmail(), result.oneTimePassword()).open();
        }
        Notifications.success(getTranslation("expert.created"));
        close();
        afterSave.run();
        getUI().ifPresent(ui -> ui.navigate(ExpertDetailView.class, created.getId().toString()));
        });
    }
}
