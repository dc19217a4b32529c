package it.expertfeedback.faq;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key that decides whether two questions are "the same" for candidate dedup (DOMAIN.md §5): compatibility
 * decomposition (NFKD: a no-break or thin space becomes a space, "ﬁ" becomes "fi", accents split off their letter),
 * lower case, then every character but a–z, digits and blanks removed (accents, punctuation, zero-width characters
 * and BOMs; so "80.000" equals "80000"), blanks collapsed to one space. V14 renormalised stored rows with the same
 * rule in SQL ({@code normalize(question, NFKD)}); keep the two in step.
 */
public final class QuestionNormalizer {

    private static final Pattern PUNCTUATION = Pattern.compile("[^a-z0-9\\s]+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private QuestionNormalizer() {
    }

    public static String normalize(String question) {
        if (question == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(question, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        String withoutPunctuation = PUNCTUATION.matcher(decomposed).replaceAll("");
        return BLANKS.matcher(withoutPunctuation).replaceAll(" ").strip();
    }
}
