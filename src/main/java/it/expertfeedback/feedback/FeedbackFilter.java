package it.expertfeedback.feedback;

import java.time.LocalDate;
import java.util.UUID;

/** What the feedback browser filters by; every part optional. Dates are Italian calendar days, inclusive. */
public record FeedbackFilter(FeedbackType type, FeedbackCategory category, UUID expertId, String expertText,
                             LocalDate from, LocalDate to, String text, Boolean reviewed, Boolean improvementApplied) {

    public static FeedbackFilter none() {
        return new FeedbackFilter(null, null, null, null, null, null, null, null, null);
    }

    public FeedbackFilter withType(FeedbackType v) { return new FeedbackFilter(v, category, expertId, expertText, from, to, text, reviewed, improvementApplied); }
    public FeedbackFilter withCategory(FeedbackCategory v) { return new FeedbackFilter(type, v, expertId, expertText, from, to, text, reviewed, improvementApplied); }
    public FeedbackFilter withExpertId(UUID v) { return new FeedbackFilter(type, category, v, expertText, from, to, text, reviewed, improvementApplied); }
    public FeedbackFilter withExpertText(String v) { return new FeedbackFilter(type, category, expertId, v, from, to, text, reviewed, improvementApplied); }
    public FeedbackFilter withFrom(LocalDate v) { return new FeedbackFilter(type, category, expertId, expertText, v, to, text, reviewed, improvementApplied); }
    public FeedbackFilter withTo(LocalDate v) { return new FeedbackFilter(type, category, expertId, expertText, from, v, text, reviewed, improvementApplied); }
    public FeedbackFilter withText(String v) { return new FeedbackFilter(type, category, expertId, expertText, from, to, v, reviewed, improvementApplied); }
    public FeedbackFilter withReviewed(Boolean v) { return new FeedbackFilter(type, category, expertId, expertText, from, to, text, v, improvementApplied); }
    public FeedbackFilter withImprovementApplied(Boolean v) { return new FeedbackFilter(type, category, expertId, expertText, from, to, text, reviewed, v); }
}
