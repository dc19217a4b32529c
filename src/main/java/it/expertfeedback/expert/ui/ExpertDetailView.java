package it.expertfeedback.expert.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import it.expertfeedback.base.api.NotFoundException;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.expert.ExpertDetails;
import it.expertfeedback.expert.ExpertProfile;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One expert: profile, credentials, counts and the trust explanation. Administrators also edit, verify or
 * revoke verification, and deactivate or reactivate (each confirmed); reviewers only read.
 */
@Route("experts/detail")
@RolesAllowed({AppRoles.REVIEWER, AppRoles.ADMIN})
public class ExpertDetailView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final transient ExpertService experts;
    private final boolean admin;
    private String title = "";
    private UUID expertId;

    ExpertDetailView(ExpertService experts, AuthenticationContext authentication) {
        this.experts = experts;
        this.admin = authentication.hasRole(AppRoles.ADMIN);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        try {
            expertId = UUID.fromString(parameter);
            show(experts.getDetails(expertId));
        } catch (IllegalArgumentException | NotFoundException unknown) {
            removeAll();
            add(new H2(getTranslation("expert.not-found")));
        }
    }

    private void show(ExpertDetails details) {
        removeAll();
        ExpertProfile profile = details.profile();
        title = details.displayName();
        H2 heading = new H2(details.displayName());
        heading.setId("expert-detail-name");
        add(heading, new Paragraph(details.email()));
        if (admin) {
            add(actions(profile));
        }
        add(new ExpertProfileSummary(profile), new TrustExplanation(details));
    }

    private HorizontalLayout actions(ExpertProfile profile) {
        UUID id = profile.getId();
        Button edit = new Button(getTranslation("expert.edit"),
                click -> new ExpertEditDialog(experts, profile, this::reload).open());
        edit.setId("expert-edit");
        edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button verification = profile.isVerified()
                ? confirmed("expert.unverify", "expert.unverify.confirm", () -> experts.unverify(id))
                : confirmed("expert.verify", "expert.verify.confirm", () -> experts.verify(id));
        verification.setId(profile.isVerified() ? "expert-unverify" : "expert-verify");
        Button activation = profile.isActive()
                ? confirmed("expert.deactivate", "expert.deactivate.confirm", () -> experts.setActive(id, false))
                : confirmed("expert.reactivate", "expert.reactivate.confirm", () -> experts.setActive(id, true));
        activation.setId(profile.isActive() ? "expert-deactivate" : "expert-reactivate");
        if (profile.isActive()) {
            activation.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return new HorizontalLayout(edit, verification, activation);
    }

    /** A button that asks first, then runs the change and shows the new state. */
    private Button confirmed(String labelKey, String questionKey, Supplier<ExpertProfile> change) {
        return new Button(getTranslation(labelKey), click -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(getTranslation(labelKey));
            confirm.setText(getTranslation(questionKey));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("common.cancel"));
            confirm.setConfirmText(getTranslation(labelKey));
            confirm.addConfirmListener(yes -> {
                if (UiErrors.run(this, change::get) == UiErrors.Outcome.DONE) {
                    Notifications.success(getTranslation("expert.saved"));
                }
                reload();
            });
            confirm.setId("expert-confirm");
            confirm.open();
        });
    }

    private void reload() {
        show(experts.getDetails(expertId));
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("nav.experts") : title;
    }
}
