package it.expertfeedback.base.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers and moments are shown: Italian conventions by default, Italian time zone always. */
public final class Formats {

    public static final ZoneId ITALY = ZoneId.of("Europe/Rome");

    private Formats() {
    }

    /** Trust scores and their components: four decimals, as DOMAIN.md §3 rounds them. */
    public static String score(double value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(4);
        format.setMaximumFractionDigits(4);
        return format.format(value);
    }

    public static String decimal(double value, int digits, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    /** Counts with the locale's grouping: 1.696 in Italian, like the "N risultati" line above them. */
    public static String integer(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    public static String percent(double fraction, Locale locale) {
        return NumberFormat.getPercentInstance(locale).format(fraction);
    }

    /**
     * The one date-time format of the UI, Italian style in both languages (01/12/2026 10:17, Italian time): the
     * localized styles gave three different ones (two-digit years, a comma, seconds) across screens.
     */
    public static String dateTime(Instant instant, Locale locale) {
        return instant == null ? "—" : DATE_TIME.format(instant);
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ITALY);
}
