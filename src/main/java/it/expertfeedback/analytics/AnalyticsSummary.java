package it.expertfeedback.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The KPIs of DOMAIN.md §6 over one window, with the headline figures of the previous window for comparison.
 * Ratios are null when their denominator is zero (the UI shows "—"). All computed in SQL.
 */
public record AnalyticsSummary(AnalyticsWindow window, Kpis kpis, Kpis previous, Map<String, Long> byVerdict,
                               List<CategoryCount> byCategory, String trendUnit, List<TrendPoint> trend,
                               List<LeaderRow> leaderboard, Funnel funnel, InboxFigures inbox) {

    /**
     * Headline figures. aiAccuracy = correct / all; failureRate = incorrect / all; participation = experts with
     * feedback in the window / active verified experts; backlog = incomplete or incorrect feedback of the window
     * whose improvement is not applied yet; medianHoursToDecision = median time from a candidate's creation to a
     * reviewer's decision, for decisions taken in the window.
     */
    public record Kpis(long feedback, Double aiAccuracy, Double failureRate, long expertsWithFeedback,
                       long activeExperts, Double participation, long backlog, Double medianHoursToDecision) {
    }

    /** One Italian category with its verdicts (the stacked bar), sorted by total, most frequent first. */
    public record CategoryCount(String category, long correct, long incomplete, long incorrect, long total) {
    }

    /** One day or week (its first day) of the trend. */
    public record TrendPoint(LocalDate bucket, long feedback, long correct, Double aiAccuracy) {
    }

    /** One expert in the window: feedback, accuracy (upheld / judged), current trust, median time spent. */
    public record LeaderRow(UUID expertId, String name, long feedback, Double accuracy, double trust,
                            Double medianTimeSpentSeconds) {
    }

    /** FAQ candidates created in the window, by where they stand now. */
    public record Funnel(long created, long autoApproved, long approved, long rejected, long pending) {
    }

    /**
     * The review inbox over the window (DOMAIN.md §8), read from the inbox's published {@code inbox_request_facts}:
     * requests received and requests judged (all their required reviews in) per Italian day; the median seconds from
     * a request's arrival to its first verdict, over the requests received in the window that have one; agreement
     * per category over the requests with 2–3 reviews that were completed in the window, with an overall row last.
     */
    public record InboxFigures(List<InboxDay> days, long received, long judged, Double medianSecondsToFirstVerdict,
                               List<CategoryAgreement> agreement) {
    }

    /** One Italian day of the inbox: requests that arrived, requests that got all their reviews. */
    public record InboxDay(LocalDate day, long received, long judged) {
    }

    /**
     * Agreement of one category (the request's topic as the assistant sent it; null = none given) or, when
     * {@code overall}, of every category together. kappa is null when undefined (every verdict the same);
     * method is "cohen" when every request had exactly two reviews, else "fleiss".
     */
    public record CategoryAgreement(String category, boolean overall, long requests, long unanimous,
                                    Double unanimousShare, Double kappa, String method) {
    }
}
