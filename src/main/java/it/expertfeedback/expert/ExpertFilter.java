package it.expertfeedback.expert;

/**
 * What the experts grid is filtered by; every part optional. {@code text} searches name, email,
 * organization and city; {@code specialization} matches one tag exactly.
 */
public record ExpertFilter(String text, CredentialType credentialType, String specialization, Boolean verified,
                           Boolean active, Double minTrust) {

    public static ExpertFilter none() {
        return new ExpertFilter(null, null, null, null, null, null);
    }

    public ExpertFilter withText(String value) { return new ExpertFilter(value, credentialType, specialization, verified, active, minTrust); }
    public ExpertFilter withCredentialType(CredentialType value) { return new ExpertFilter(text, value, specialization, verified, active, minTrust); }
    public ExpertFilter withSpecialization(String value) { return new ExpertFilter(text, credentialType, value, verified, active, minTrust); }
    public ExpertFilter withVerified(Boolean value) { return new ExpertFilter(text, credentialType, specialization, value, active, minTrust); }
    public ExpertFilter withActive(Boolean value) { return new ExpertFilter(text, credentialType, specialization, verified, value, minTrust); }
    public ExpertFilter withMinTrust(Double value) { return new ExpertFilter(text, credentialType, specialization, verified, active, value); }
}
