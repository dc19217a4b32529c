package it.expertfeedback.expert.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import it.expertfeedback.expert.ExpertProfile;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.util.stream.Collectors;

/** An expert's own profile: credentials, specializations, counts and trust, read-only. */
@Route("my-profile")
@RolesAllowed(AppRoles.EXPERT)
@Menu(order = 20, title = "nav.my-profile", icon = "vaadin:user-card")
public class MyProfileView extends VerticalLayout implements HasDynamicTitle {

    MyProfileView(ExpertService experts) {
        add(new H2(getTranslation("nav.my-profile")));
        experts.findProfileOfCurrentUser().ifPresentOrElse(this::show,
                () -> add(new Paragraph(getTranslation("profile.none"))));
    }

    private void show(ExpertProfile profile) {
        NumberFormat decimals = NumberFormat.getNumberInstance(getLocale());
        decimals.setMinimumFractionDigits(4);
        decimals.setMaximumFractionDigits(4);
        FormLayout details = new FormLayout();
        details.addFormItem(value("profile-trust", decimals.format(profile.getTrustScore())), getTranslation("expert.trust"));
        details.addFormItem(value("profile-credentials", profile.getCredentialTypes().stream()
                .map(type -> getTranslation(type.labelKey())).collect(Collectors.joining(", "))),
                getTranslation("expert.credential-types"));
        details.addFormItem(value("profile-specializations", String.join(", ", profile.getSpecializations())),
                getTranslation("expert.specializations"));
        details.addFormItem(value("profile-experience", String.valueOf(profile.getExperienceYears())),
                getTranslation("expert.experience"));
        details.addFormItem(value("profile-feedback-count", String.valueOf(profile.getFeedbackCount())),
                getTranslation("expert.feedback-count"));
        details.addFormItem(value("profile-accuracy", decimals.format(profile.getFeedbackAccuracyRate())),
                getTranslation("expert.accuracy"));
        details.addFormItem(value("profile-verified", getTranslation(profile.isVerified() ? "common.yes" : "common.no")),
                getTranslation("expert.verified"));
        details.addFormItem(value("profile-organization", profile.getOrganization()), getTranslation("expert.organization"));
        details.addFormItem(value("profile-city", profile.getLocationCity()), getTranslation("expert.city"));
        add(details);
    }

    private static Span value(String id, String text) {
        Span span = new Span(text == null ? "—" : text);
        span.setId(id);
        return span;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.my-profile");
    }
}
