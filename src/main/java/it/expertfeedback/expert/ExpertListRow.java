package it.expertfeedback.expert;

import java.util.UUID;

/** One line of the experts grid: a projection, never the whole entity. */
public interface ExpertListRow {
    UUID getId();
    String getDisplayName();
    String getEmail();
    String getOrganization();
    String getCity();
    Integer getExperienceYears();
    Double getTrustScore();
    Integer getFeedbackCount();
    Boolean getVerified();
    Boolean getActive();
}
