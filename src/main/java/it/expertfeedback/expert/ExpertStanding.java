package it.expertfeedback.expert;

/** What the FAQ auto-approval rule needs to know of an expert: state, trust and judged feedback. */
public record ExpertStanding(boolean active, boolean verified, double trustScore, int resolved) {
}
