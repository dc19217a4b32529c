package it.expertfeedback.analytics;

import java.util.List;
import java.util.Map;

/** An expert's own numbers: feedback per verdict, accuracy as judged by reviewers, weekly trend. */
public record ExpertStats(Map<String, Long> byVerdict, long judged, long upheld, Double accuracy,
                          List<AnalyticsSummary.TrendPoint> weeklyTrend) {
}
