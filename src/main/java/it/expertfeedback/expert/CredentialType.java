package it.expertfeedback.expert;

import java.util.Arrays;

/**
 * The seed's {@code expert_credential_type}. Constant names are the database codes (lower case) because
 * Hibernate's named-enum mapping persists {@link Enum#name()}; see docs/decisions/DD002-enum-codes.md.
 */
public enum CredentialType {
    dottore_commercialista(0.30),
    revisore_legale(0.25),
    consulente_fiscale(0.20),
    consulente_lavoro(0.15),
    caf_operator(0.10);

    private final double trustWeight;

    CredentialType(double trustWeight) {
        this.trustWeight = trustWeight;
    }

    /** Weight of this credential in the trust score's credentials component (DOMAIN.md §3). */
    public double trustWeight() {
        return trustWeight;
    }

    public String code() {
        return name();
    }

    /** Message-bundle key of the Italian/English label. */
    public String labelKey() {
        return "credential." + name();
    }

    /**
     * The credential type of a stored label, empty for a label outside this list (the assistant's database holds
     * e.g. {@code admin}/{@code ADMIN}): such a label is kept, shown as "Altro" and weighs nothing (DOMAIN.md §11).
     */
    public static java.util.Optional<CredentialType> parse(String code) {
        return Arrays.stream(values()).filter(v -> v.name().equals(code)).findFirst();
    }

    /** Message-bundle key of the label shown for a stored label outside this list. */
    public static final String OTHER_LABEL_KEY = "credential.other";

    public static CredentialType fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.name().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown credential type: " + code));
    }
}
