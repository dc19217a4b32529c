package it.expertfeedback.faq;

import it.expertfeedback.faq.FeedbackBehindCandidates.SourceFeedback;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How far the feedback behind a merged candidate agrees: the most given verdict and how many gave it, and how many
 * different answers they propose (whitespace and case ignored). 3 Corretta, 2 Incompleta, 1 Errata with different
 * corrections is majority "correct" 3/6 with 3 answers: the reviewer must choose, and sees it at once. Pure.
 */
public record CandidateAgreement(String majorityType, int majorityCount, int total, int distinctAnswers) {

    public static CandidateAgreement of(List<SourceFeedback> sources) {
        Map<String, Integer> byType = new LinkedHashMap<>();
        Map<String, Boolean> answers = new LinkedHashMap<>();
        for (SourceFeedback source : sources) {
            byType.merge(source.feedbackType(), 1, Integer::sum);
            String answer = source.proposedAnswer();
            if (answer != null) {
                answers.put(answer.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT), true);
            }
        }
        // Ties go to the verdict given first (the map keeps submission order; max keeps the first of equals).
        Map.Entry<String, Integer> majority = byType.entrySet().stream()
                .max(Comparator.comparingInt(Map.Entry::getValue)).orElse(null);
        return majority == null ? new CandidateAgreement(null, 0, 0, 0)
                : new CandidateAgreement(majority.getKey(), majority.getValue(), sources.size(), answers.size());
    }

    /** Everyone gave the same verdict and proposes the same answer. */
    public boolean unanimous() {
        return total > 0 && majorityCount == total && distinctAnswers <= 1;
    }

    /** Share of the majority verdict, 0..1. */
    public double share() {
        return total == 0 ? 0 : (double) majorityCount / total;
    }
}
