package it.expertfeedback.analytics;

import it.expertfeedback.base.validation.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** A span of Italian calendar days, both ends included, that every KPI is computed over. */
public record AnalyticsWindow(LocalDate from, LocalDate to) {

    public static final ZoneId ITALY = ZoneId.of("Europe/Rome");
    static final int MAX_DAYS = 3_660;

    public AnalyticsWindow {
        if (from == null || to == null) {
            throw InvalidInputException.of(from == null ? "from" : "to", "validation.required");
        }
        if (to.isBefore(from)) {
            throw InvalidInputException.of("to", "analytics.error.window-order");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw InvalidInputException.of("from", "analytics.error.window-too-long", MAX_DAYS);
        }
    }

    /** The last {@code days} days up to today, today included. */
    public static AnalyticsWindow lastDays(int days, Clock clock) {
        if (days < 1 || days > MAX_DAYS) {
            throw InvalidInputException.of("days", "validation.range", 1, MAX_DAYS);
        }
        LocalDate today = LocalDate.now(clock.withZone(ITALY));
        return new AnalyticsWindow(today.minusDays(days - 1L), today);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The window of the same length just before this one, for "change against the previous window". */
    public AnalyticsWindow previous() {
        return new AnalyticsWindow(from.minusDays(days()), from.minusDays(1));
    }

    /** Long windows are read per week, short ones per day. */
    public boolean weekly() {
        return days() > 31;
    }

    Instant start() {
        return from.atStartOfDay(ITALY).toInstant();
    }

    Instant end() {
        return to.plusDays(1).atStartOfDay(ITALY).toInstant();
    }
}
