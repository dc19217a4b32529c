package it.expertfeedback.expert.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import it.expertfeedback.expert.ExpertProfile;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;

/** An expert profile's facts, read-only, as both the detail view and "my profile" show them. */
class ExpertProfileSummary extends FormLayout {

    ExpertProfileSummary(ExpertProfile profile) {
        NumberFormat percent = NumberFormat.getPercentInstance(getLocale());
        item("profile-credentials", "expert.credential-types", profile.getCredentialTypes().stream()
                .map(type -> getTranslation(type.labelKey())).collect(Collectors.joining(", ")));
        item("profile-credential-notes", "expert.credentials", String.join("; ", profile.getCredentials()));
        item("profile-specializations", "expert.specializations", String.join(", ", profile.getSpecializations()));
        item("profile-experience", "expert.experience", String.valueOf(profile.getExperienceYears()));
        item("profile-registration", "expert.registration-number", profile.getProfessionalRegistrationNumber());
        item("profile-organization", "expert.organization", profile.getOrganization());
        item("profile-city", "expert.city", profile.getLocationCity());
        item("profile-verified", "expert.verified", profile.isVerified()
                ? getTranslation("expert.verified-on", format(profile.getVerificationDate()))
                : getTranslation("common.no"));
        item("profile-active", "expert.active", getTranslation(profile.isActive() ? "common.yes" : "common.no"));
        item("profile-feedback-count", "expert.feedback-count", String.valueOf(profile.getFeedbackCount()));
        item("profile-accuracy", "expert.accuracy", percent.format(profile.getFeedbackAccuracyRate()));
        item("profile-response-time", "expert.response-time",
                getTranslation("expert.seconds", profile.getAverageResponseTimeSeconds()));
    }

    private void item(String id, String labelKey, String text) {
        Span value = new Span(text == null || text.isBlank() ? "—" : text);
        value.setId(id);
        addFormItem(value, getTranslation(labelKey));
    }

    private String format(Instant instant) {
        return instant == null ? "—" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.of("Europe/Rome")).format(instant);
    }
}
