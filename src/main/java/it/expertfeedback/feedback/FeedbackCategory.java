package it.expertfeedback.feedback;

import java.util.Arrays;
import java.util.Optional;

/** The seed's {@code italian_feedback_category}; constant names are the lower-case database codes. */
public enum FeedbackCategory {
    normativa_obsoleta,
    interpretazione_errata,
    caso_mancante,
    calcolo_sbagliato,
    troppo_generico;

    public String code() {
        return name();
    }

    public String labelKey() {
        return "feedback.category." + name();
    }

    public String descriptionKey() {
        return "feedback.category." + name() + ".description";
    }

    public static Optional<FeedbackCategory> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.name().equals(code)).findFirst();
    }
}
