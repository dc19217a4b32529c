package it.expertfeedback.faq;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key that decides whether two questions are "the same" for candidate dedup (DOMAIN.md §5): lower case,
 * accents removed, punctuation removed (every character but a–z, digits and blanks, so "80.000" equals
 * "80000"), blanks collapsed to one space. The V6 migration backfills older rows with the same rule in SQL.
 */
public final class QuestionNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PUNCTUATION = Pattern.compile("[^a-z0-9\\s]+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private QuestionNormalizer() {
    }

    public static String normalize(String question) {
        if (question == null) {
            return "";
        }
        String withoutAccents = MARKS.matcher(Normalizer.normalize(question, Normalizer.Form.NFD)).replaceAll("");
        String withoutPunctuation = PUNCTUATION.matcher(withoutAccents.toLowerCase(Locale.ROOT)).replaceAll("");
        return BLANKS.matcher(withoutPunctuation).replaceAll(" ").strip();
    }
}
