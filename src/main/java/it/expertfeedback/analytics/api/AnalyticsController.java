package it.expertfeedback.analytics.api;

import it.expertfeedback.analytics.AnalyticsService;
import it.expertfeedback.analytics.AnalyticsSummary;
import it.expertfeedback.analytics.AnalyticsWindow;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.security.AppRoles;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures for the assistant's monitoring: the last {@code days} days, or {@code from}/{@code to}. */
@RestController
@RequestMapping("/api/v1/analytics")
@PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
class AnalyticsController {

    private final AnalyticsService analytics;

    AnalyticsController(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/summary")
    AnalyticsSummary summary(@RequestParam(defaultValue = "30") int days, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to) {
        if (from != null || to != null) {
            return analytics.summary(new AnalyticsWindow(date("from", from), date("to", to)));
        }
        return analytics.summaryOfLastDays(days);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of(field, "validation.required");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException invalid) {
            throw InvalidInputException.of(field, "validation.date");
        }
    }
}
