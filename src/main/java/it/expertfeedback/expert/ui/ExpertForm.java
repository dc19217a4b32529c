package it.expertfeedback.expert.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.base.validation.FieldProblem;
import it.expertfeedback.expert.CredentialType;
import it.expertfeedback.expert.ExpertDraft;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The profile fields an administrator edits. The browser limits lengths as a courtesy; the rules that count
 * are the service's ({@link ExpertDraft#problems()}), shown back on these fields.
 */
class ExpertForm extends FormLayout {

    final MultiSelectComboBox<CredentialType> credentialTypes = new MultiSelectComboBox<>();
    final TextArea credentials = new TextArea();
    final IntegerField experienceYears = new IntegerField();
    final MultiSelectComboBox<String> specializations = new MultiSelectComboBox<>();
    final TextField registrationNumber = new TextField();
    final TextField organization = new TextField();
    final TextField city = new TextField();
    private final FieldErrors errors = new FieldErrors(this);
    private final Set<String> knownSpecializations = new LinkedHashSet<>();

    ExpertForm(List<String> specializationChoices) {
        credentialTypes.setLabel(getTranslation("expert.credential-types"));
        credentialTypes.setItems(CredentialType.values());
        credentialTypes.setItemLabelGenerator(type -> getTranslation(type.labelKey()));
        credentialTypes.setId("expert-credential-types");

        credentials.setLabel(getTranslation("expert.credentials"));
        credentials.setHelperText(getTranslation("expert.credentials.help"));
        credentials.setId("expert-credentials");

        experienceYears.setLabel(getTranslation("expert.experience"));
        experienceYears.setMin(0);
        experienceYears.setMax(ExpertDraft.MAX_EXPERIENCE_YEARS);
        experienceYears.setStepButtonsVisible(true);
        experienceYears.setRequiredIndicatorVisible(true);
        experienceYears.setValue(0);
        experienceYears.setId("expert-experience");

        knownSpecializations.addAll(specializationChoices);
        specializations.setLabel(getTranslation("expert.specializations"));
        specializations.setHelperText(getTranslation("expert.specializations.help"));
        specializations.setItems(knownSpecializations);
        specializations.setAllowCustomValue(true);
        specializations.addCustomValueSetListener(event -> addSpecialization(event.getDetail()));
        specializations.setId("expert-specializations");

        registrationNumber.setLabel(getTranslation("expert.registration-number"));
        registrationNumber.setMaxLength(50);
        registrationNumber.setId("expert-registration-number");
        organization.setLabel(getTranslation("expert.organization"));
        organization.setMaxLength(200);
        organization.setId("expert-organization");
        city.setLabel(getTranslation("expert.city"));
        city.setMaxLength(100);
        city.setId("expert-city");

        bindFields(errors);
        add(credentialTypes, experienceYears, specializations, registrationNumber, organization, city, credentials);
        setColspan(credentials, 2);
    }

    /** Lets a dialog show problems on these fields together with its own. */
    void bindFields(FieldErrors target) {
        target.bind("credential_types", credentialTypes).bind("credentials", credentials)
                .bind("experience_years", experienceYears).bind("specializations", specializations)
                .bind("professional_registration_number", registrationNumber)
                .bind("organization", organization).bind("location_city", city);
    }

    /** A tag typed by the admin becomes a choice and is selected. */
    void addSpecialization(String tag) {
        String clean = tag == null ? "" : tag.strip();
        if (clean.isEmpty()) {
            return;
        }
        Set<String> selected = new LinkedHashSet<>(specializations.getSelectedItems());
        if (knownSpecializations.add(clean)) {
            specializations.setItems(knownSpecializations);
        }
        selected.add(clean);
        specializations.select(selected);
    }

    void show(ExpertDraft draft) {
        credentialTypes.select(draft.credentialTypes());
        credentials.setValue(String.join("\n", draft.credentials()));
        experienceYears.setValue(draft.experienceYears());
        draft.specializations().forEach(this::addSpecialization);
        registrationNumber.setValue(orEmpty(draft.registrationNumber()));
        organization.setValue(orEmpty(draft.organization()));
        city.setValue(orEmpty(draft.city()));
    }

    ExpertDraft draft() {
        List<CredentialType> types = Arrays.stream(CredentialType.values())
                .filter(credentialTypes.getSelectedItems()::contains).toList();
        List<String> credentialLines = new ArrayList<>(credentials.getValue().lines().toList());
        return new ExpertDraft(types, credentialLines, experienceYears.getValue(),
                new ArrayList<>(specializations.getSelectedItems()), registrationNumber.getValue(),
                organization.getValue(), city.getValue());
    }

    /** Shows the service's problems on the fields; returns those without a field of this form. */
    String showProblems(Map<String, FieldProblem> problems) {
        return errors.show(problems);
    }

    void clearProblems() {
        errors.clear();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
