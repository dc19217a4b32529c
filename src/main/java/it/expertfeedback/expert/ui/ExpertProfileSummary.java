package it.expertfeedback.expert.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.expert.CredentialType;
import it.expertfeedback.expert.ExpertProfile;
import java.util.stream.Collectors;

/** An expert profile's facts, read-only, as both the detail view and "my profile" show them. */
class ExpertProfileSummary extends FormLayout {

    ExpertProfileSummary(ExpertProfile profile) {
        // A stored label outside our credential types (an adopted database's "admin") shows as "Altro".
        item("profile-credentials", "expert.credential-types", java.util.stream.Stream.concat(
                profile.getCredentialTypes().stream().map(CredentialType::labelKey),
                profile.getOtherCredentialLabels().stream().map(other -> CredentialType.OTHER_LABEL_KEY)).distinct()
                .map(this::getTranslation).collect(Collectors.joining(", ")));
        item("profile-credential-notes", "expert.credentials", String.join("; ", profile.getCredentials()));
        item("profile-specializations", "expert.specializations", String.join(", ", profile.getSpecializations()));
        item("profile-experience", "expert.experience", String.valueOf(profile.getExperienceYears()));
        item("profile-registration", "expert.registration-number", profile.getProfessionalRegistrationNumber());
        item("profile-organization", "expert.organization", profile.getOrganization());
        item("profile-city", "expert.city", profile.getLocationCity());
        item("profile-verified", "expert.verified", profile.isVerified()
                ? getTranslation("expert.verified-on", Formats.dateTime(profile.getVerificationDate(), getLocale()))
                : getTranslation("common.no"));
        item("profile-active", "expert.active", getTranslation(profile.isActive() ? "common.yes" : "common.no"));
        item("profile-feedback-count", "expert.feedback-count", String.valueOf(profile.getFeedbackCount()));
        item("profile-accuracy", "expert.accuracy", Formats.percent(profile.getFeedbackAccuracyRate(), getLocale()));
        item("profile-response-time", "expert.response-time",
                getTranslation("expert.seconds", profile.getAverageResponseTimeSeconds()));
    }

    private void item(String id, String labelKey, String text) {
        Span value = new Span(text == null || text.isBlank() ? "—" : text);
        value.setId(id);
        addFormItem(value, getTranslation(labelKey));
    }
}
