package it.expertfeedback.base.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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

    public static String percent(double fraction, Locale locale) {
        return NumberFormat.getPercentInstance(locale).format(fraction);
    }

    public static String dateTime(Instant instant, Locale locale) {
        return instant == null ? "—" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale)
                .withZone(ITALY).format(instant);
    }
}
