package it.expertfeedback.faq;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a reviewer rejected a candidate (DOMAIN.md §5, the {@code rejection_kind} type of V14). Only
 * {@link #content_wrong} says the expert's verdict was wrong and overturns it (§3); the others reject the FAQ text
 * and judge nothing. Constant names are the stored codes (DD002).
 */
public enum RejectionKind {
    content_wrong,
    wording,
    duplicate,
    out_of_scope;

    public String code() {
        return name();
    }

    public String labelKey() {
        return "faq.reject.kind." + name();
    }

    /** The expert's feedback behind the candidate counts as overturned. */
    public boolean overturns() {
        return this == content_wrong;
    }

    public static Optional<RejectionKind> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.name().equals(code)).findFirst();
    }
}
