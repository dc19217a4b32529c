package it.expertfeedback.expert;

import static it.expertfeedback.base.validation.TextRules.clean;
import static it.expertfeedback.base.validation.TextRules.cleanList;
import static it.expertfeedback.base.validation.TextRules.listLimits;
import static it.expertfeedback.base.validation.TextRules.maxLength;

import it.expertfeedback.base.validation.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What an administrator may set on an expert profile, from the form or the REST API alike. Field names of
 * the problems are the REST names (snake_case); the views map them to their fields.
 */
public record ExpertDraft(List<CredentialType> credentialTypes, List<String> credentials, Integer experienceYears,
                          List<String> specializations, String registrationNumber, String organization,
                          String city) {

    public static final int MAX_EXPERIENCE_YEARS = 70;
    static final int MAX_LIST_ITEMS = 20;

    public static ExpertDraft empty() {
        return new ExpertDraft(List.of(), List.of(), 0, List.of(), null, null, null);
    }

    public static ExpertDraft of(ExpertProfile profile) {
        return new ExpertDraft(profile.getCredentialTypes(), profile.getCredentials(), profile.getExperienceYears(),
                profile.getSpecializations(), profile.getProfessionalRegistrationNumber(), profile.getOrganization(),
                profile.getLocationCity());
    }

    /** Trimmed texts, blanks as null, lists without blanks or repeats. */
    public ExpertDraft normalized() {
        List<CredentialType> types = credentialTypes == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(credentialTypes.stream().filter(t -> t != null).toList()));
        return new ExpertDraft(types, cleanList(credentials), experienceYears, cleanList(specializations),
                clean(registrationNumber), clean(organization), clean(city));
    }

    /** The rules of the edit form (issue 3): empty when the draft may be saved. Call on a normalized draft. */
    public Map<String, FieldProblem> problems() {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        if (experienceYears == null) {
            problems.put("experience_years", FieldProblem.of("validation.required"));
        } else if (experienceYears < 0 || experienceYears > MAX_EXPERIENCE_YEARS) {
            problems.put("experience_years", FieldProblem.of("validation.range", 0, MAX_EXPERIENCE_YEARS));
        }
        maxLength(problems, "professional_registration_number", registrationNumber, 50);
        maxLength(problems, "organization", organization, 200);
        maxLength(problems, "location_city", city, 100);
        listLimits(problems, "specializations", specializations, MAX_LIST_ITEMS, 100);
        listLimits(problems, "credentials", credentials, MAX_LIST_ITEMS, 200);
        return problems;
    }
}
