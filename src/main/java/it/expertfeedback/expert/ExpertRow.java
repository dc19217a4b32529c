package it.expertfeedback.expert;

import java.util.List;
import java.util.UUID;

/** One line of the experts grid, read straight from the database (never the whole entity). */
public record ExpertRow(UUID id, Integer userId, String displayName, String email, String organization, String city,
                        List<CredentialType> credentialTypes, List<String> specializations, int experienceYears,
                        double trustScore, boolean verified, boolean active, int feedbackCount,
                        double accuracyRate, List<String> otherCredentialLabels) {

    /** The stored labels outside {@link CredentialType} (shown as "Altro"), never a reason for the row to fail. */
    public ExpertRow {
        otherCredentialLabels = otherCredentialLabels == null ? List.of() : List.copyOf(otherCredentialLabels);
    }
}
