package it.expertfeedback.expert.api;

import it.expertfeedback.expert.CredentialType;
import it.expertfeedback.expert.ExpertProfile;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An expert profile as the assistant's client expects it: the seed's column names plus the role. */
record ExpertProfileResponse(UUID id, Integer userId, List<String> credentials, List<String> credentialTypes,
                             int experienceYears, List<String> specializations, int feedbackCount,
                             double feedbackAccuracyRate, int averageResponseTimeSeconds, double trustScore,
                             String professionalRegistrationNumber, String organization, String locationCity,
                             boolean isVerified, Instant verificationDate, boolean isActive, Instant createdAt,
                             Instant updatedAt, String role, List<String> roles, List<String> otherCredentialTypes) {

    static ExpertProfileResponse of(ExpertProfile p, String role, List<String> roles) {
        return new ExpertProfileResponse(p.getId(), p.getUserId(), p.getCredentials(),
                p.getCredentialTypes().stream().map(CredentialType::code).toList(), p.getExperienceYears(),
                p.getSpecializations(), p.getFeedbackCount(), p.getFeedbackAccuracyRate(),
                p.getAverageResponseTimeSeconds(), p.getTrustScore(), p.getProfessionalRegistrationNumber(),
                p.getOrganization(), p.getLocationCity(), p.isVerified(), p.getVerificationDate(), p.isActive(),
                p.getCreatedAt(), p.getUpdatedAt(), role, roles, p.getOtherCredentialLabels());
    }
}
