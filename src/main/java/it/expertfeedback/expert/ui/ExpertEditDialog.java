package it.expertfeedback.expert.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.expert.ExpertDraft;
import it.expertfeedback.expert.ExpertProfile;
import it.expertfeedback.expert.ExpertService;

/** Edits an expert's credentials and details; refuses to overwrite a change someone saved meanwhile. */
class ExpertEditDialog extends Dialog {

    final ExpertForm form;
    final Button save = new Button();

    ExpertEditDialog(ExpertService experts, ExpertProfile profile, Runnable afterSave) {
        setHeaderTitle(getTranslation("expert.edit"));
        setWidth("min(60rem, 95vw)");
        form = new ExpertForm(experts.allSpecializations());
        form.show(ExpertDraft.of(profile));
        add(form);
        long version = profile.getVersion();
        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(this);
        save.setId("expert-edit-save");
        save.addClickListener(click -> {
            form.clearProblems();
            UiErrors.run(this, form::showProblems, () -> {
                experts.updateProfile(profile.getId(), form.draft(), version);
                Notifications.success(getTranslation("expert.saved"));
                close();
                afterSave.run();
            });
        });
        Button cancel = new Button(getTranslation("common.cancel"), click -> close());
        getFooter().add(cancel, save);
    }
}
