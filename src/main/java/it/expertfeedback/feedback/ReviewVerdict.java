package it.expertfeedback.feedback;

/** A reviewer's judgement of a feedback (column review_verdict); constant names are the stored codes. */
public enum ReviewVerdict {
    upheld,
    overturned;

    public String labelKey() {
        return "feedback.verdict." + name();
    }
}
