package it.expertfeedback.analytics;

import it.expertfeedback.analytics.AnalyticsSummary.CategoryAgreement;
import it.expertfeedback.feedback.FeedbackType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Agreement per category of the inbox's multi-review requests (issue 15): per category (the request's topic) the
 * number of requests, how many were unanimous, and the kappa of {@link Agreement#kappa}; then one overall row.
 * Pure: the rows come from the query, the figures from {@link Agreement}.
 */
final class InboxAgreements {

    static final List<String> VERDICTS = Arrays.stream(FeedbackType.values()).map(FeedbackType::code).toList();

    /** One completed request: its category (null = none given) and its verdicts in the order they came. */
    record Reviewed(String category, List<String> verdicts) {
    }

    private InboxAgreements() {
    }

    /** Categories with the most requests first (ties by name, "no category" after the named ones), overall last. */
    static List<CategoryAgreement> of(List<Reviewed> reviewed) {
        Map<String, List<List<String>>> byCategory = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        List<List<String>> all = new ArrayList<>();
        for (Reviewed r : reviewed) {
            byCategory.computeIfAbsent(r.category(), c -> new ArrayList<>()).add(r.verdicts());
            all.add(r.verdicts());
        }
        List<CategoryAgreement> rows = new ArrayList<>();
        byCategory.forEach((category, verdicts) -> rows.add(row(category, false, verdicts)));
        rows.sort(Comparator.comparingLong(CategoryAgreement::requests).reversed());
        if (!all.isEmpty()) {
            rows.add(row(null, true, all));
        }
        return rows;
    }

    private static CategoryAgreement row(String category, boolean overall, List<List<String>> verdicts) {
        long unanimous = verdicts.stream().filter(v -> v.stream().distinct().count() <= 1).count();
        Optional<Agreement.Kappa> kappa = Agreement.kappa(verdicts, VERDICTS);
        return new CategoryAgreement(category, overall, verdicts.size(), unanimous,
                AnalyticsQueries.ratio(unanimous, verdicts.size()), kappa.map(Agreement.Kappa::value).orElse(null),
                kappa.map(Agreement.Kappa::method).orElse(null));
    }
}
