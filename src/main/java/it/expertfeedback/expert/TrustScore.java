package it.expertfeedback.expert;

import java.util.Collection;
import java.util.EnumSet;

/**
 * The trust score of DOMAIN.md §3 as a pure function: same inputs, same score, with its five components
 * kept so the UI can explain it.
 *
 * <pre>trust = round4(clamp(C + E + P + R + S, 0.10, 1.00))</pre>
 */
public final class TrustScore {

    public static final double FLOOR = 0.10;
    static final double CREDENTIALS_CAP = 0.35;
    static final int EXPERIENCE_CAP_YEARS = 20;
    static final double TARGET_RESPONSE_SECONDS = 180;
    static final double RESPONSE_WINDOW_SECONDS = 3600;

    private TrustScore() {
    }

    /** What the score is computed from. */
    public record Inputs(boolean verified, Collection<CredentialType> credentialTypes, int experienceYears,
                         int resolved, int upheld, int feedbackCount, int averageResponseTimeSeconds,
                         int specializations) {
    }

    /** The five components and their rounded, clamped sum. */
    public record Breakdown(double credentials, double experience, double trackRecord, double responsiveness,
                            double breadth, double total) {
    }

    public static Breakdown compute(Inputs in) {
        double credentials = 0.0;
        if (in.verified()) {
            // Each credential type counts once, however often it is listed.
            double sum = EnumSet.copyOf(withNoneFallback(in.credentialTypes())).stream()
                    .mapToDouble(CredentialType::trustWeight).sum();
            credentials = in.credentialTypes().isEmpty() ? 0.0 : Math.min(CREDENTIALS_CAP, sum);
        }
        double experience = 0.25 * Math.min(Math.max(in.experienceYears(), 0), EXPERIENCE_CAP_YEARS) / EXPERIENCE_CAP_YEARS;
        double trackRecord = 0.30 * (in.upheld() + 1.0) / (in.resolved() + 2.0);
        double responsiveness = in.feedbackCount() == 0
                ? 0.05
                : 0.10 * clamp(1 - (in.averageResponseTimeSeconds() - TARGET_RESPONSE_SECONDS) / RESPONSE_WINDOW_SECONDS, 0, 1);
        double breadth = Math.min(0.05, 0.01 * in.specializations());
        double total = round4(clamp(credentials + experience + trackRecord + responsiveness + breadth, FLOOR, 1.0));
        return new Breakdown(credentials, experience, trackRecord, responsiveness, breadth, total);
    }

    /** upheld / resolved, 0 when nothing was judged yet. */
    public static double accuracyRate(int resolved, int upheld) {
        return resolved == 0 ? 0.0 : (double) upheld / resolved;
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    static double round4(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }

    private static Collection<CredentialType> withNoneFallback(Collection<CredentialType> types) {
        // EnumSet.copyOf refuses an empty plain collection; an empty list simply contributes nothing.
        return types.isEmpty() ? EnumSet.noneOf(CredentialType.class) : types;
    }
}
