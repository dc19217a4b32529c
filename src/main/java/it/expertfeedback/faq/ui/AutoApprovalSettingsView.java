package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import it.expertfeedback.base.ui.DecimalField;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.faq.AutoApprovalSettings;
import it.expertfeedback.faq.AutoApprovalSettingsService;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;

/** The administrator's auto-approval thresholds (DOMAIN.md §5); every change is audited. */
@Route("admin/auto-approval")
@RolesAllowed(AppRoles.ADMIN)
@Menu(order = 92, title = "nav.auto-approval", icon = "vaadin:automation")
public class AutoApprovalSettingsView extends VerticalLayout implements HasDynamicTitle {

    final DecimalField minTrust = new DecimalField();
    final DecimalField minConfidence = new DecimalField();
    final IntegerField minResolved = new IntegerField();
    final Checkbox enabled = new Checkbox();
    final Button save = new Button();

    AutoApprovalSettingsView(AutoApprovalSettingsService faq) {
        setMaxWidth("50rem");
        AutoApprovalSettings current = faq.autoApprovalSettings();
        enabled.setLabel(getTranslation("faq.settings.enabled"));
        enabled.setValue(current.enabled());
        enabled.setId("settings-enabled");
        number(minTrust, "faq.settings.min-trust", current.minTrust(), "settings-min-trust");
        number(minConfidence, "faq.settings.min-confidence", current.minConfidence(), "settings-min-confidence");
        minResolved.setLabel(getTranslation("faq.settings.min-resolved"));
        minResolved.setMin(0);
        minResolved.setStepButtonsVisible(true);
        minResolved.setValue(current.minResolved());
        minResolved.setId("settings-min-resolved");
        FieldErrors errors = new FieldErrors(this).bind("min_trust", minTrust).bind("min_confidence", minConfidence)
                .bind("min_resolved", minResolved);
        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("settings-save");
        save.addClickListener(click -> {
            UiErrors.run(this, errors, () -> {
                faq.updateAutoApprovalSettings(new AutoApprovalSettings(orNaN(minTrust.getValue()),
                        orNaN(minConfidence.getValue()), minResolved.getValue() == null ? -1 : minResolved.getValue(),
                        enabled.getValue()));
                Notifications.success(getTranslation("common.saved"));
            });
        });
        add(new H2(getTranslation("nav.auto-approval")), new Paragraph(getTranslation("faq.settings.help")),
                new FormLayout(enabled, minTrust, minConfidence, minResolved), save);
    }

    private void number(DecimalField field, String labelKey, double value, String id) {
        field.setLabel(getTranslation(labelKey));
        field.setValue(value);
        field.setId(id);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.auto-approval");
    }
}
