package it.expertfeedback.feedback;

import java.util.Arrays;
import java.util.Optional;

/** The seed's {@code feedback_type}; constant names are the lower-case database codes. */
public enum FeedbackType {
    correct,
    incomplete,
    incorrect;

    public String code() {
        return name();
    }

    public String labelKey() {
        return "feedback.type." + name();
    }

    /** Exact, case-sensitive lookup: the API accepts only the lower-case codes. */
    public static Optional<FeedbackType> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.name().equals(code)).findFirst();
    }
}
