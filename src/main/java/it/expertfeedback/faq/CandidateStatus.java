package it.expertfeedback.faq;

import java.util.Arrays;
import java.util.Optional;

/**
 * A candidate's {@code approval_status} (DOMAIN.md §5, check constraint of the seed); constant names are the
 * stored lower-case codes, so JPA's string mapping writes exactly them (DD002).
 */
public enum CandidateStatus {
    pending,
    approved,
    rejected;

    public String code() {
        return name();
    }

    public String labelKey() {
        return "faq.status." + name();
    }

    public static Optional<CandidateStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.name().equals(code)).findFirst();
    }
}
