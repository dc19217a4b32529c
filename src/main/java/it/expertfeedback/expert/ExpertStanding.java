package it.expertfeedback.expert;

/** What other features may know of an expert to apply their rules: state, trust and track record. */
public record ExpertStanding(Integer userId, boolean active, boolean verified, double trustScore, int resolved,
                             String displayName) {
}
