package it.expertfeedback.analytics;

import org.springframework.context.ApplicationContext;

/** For the benchmark: the analytics SQL without the service layer (no security, no service transaction). */
public final class AnalyticsSql {

    private AnalyticsSql() {
    }

    public static AnalyticsSummary summary(ApplicationContext context, AnalyticsWindow window) {
        return context.getBean(AnalyticsQueries.class).summary(window);
    }
}
