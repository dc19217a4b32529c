package it.expertfeedback.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The one date picker of the UI: dates shown as dd/MM/yyyy like every other date ({@link Formats#dateTime}) — the
 * locale's short style gave 05/03/26 — weeks from Monday, month and day names and "Oggi" / "Annulla" in the
 * user's language. Typing 5/3/2026 or 05/03/26 is understood too.
 */
public class AppDatePicker extends DatePicker {

    public static final String FORMAT = "dd/MM/yyyy";

    public AppDatePicker() {
        Locale locale = getLocale();
        setLocale(locale);
        setI18n(new DatePickerI18n()
                .setDateFormats(FORMAT, "d/M/yyyy", "dd/MM/yy", "d/M/yy")
                .setFirstDayOfWeek(1)
                .setMonthNames(Arrays.stream(Month.values()).map(m -> capitalized(m.getDisplayName(TextStyle.FULL_STANDALONE, locale), locale)).toList())
                .setWeekdays(sundayFirst().map(d -> capitalized(d.getDisplayName(TextStyle.FULL, locale), locale)).toList())
                .setWeekdaysShort(sundayFirst().map(d -> capitalized(d.getDisplayName(TextStyle.SHORT, locale), locale)).toList())
                .setToday(getTranslation("common.today"))
                .setCancel(getTranslation("common.cancel")));
    }

    /** The web component lists days from Sunday whatever the first day of the week. */
    private static Stream<DayOfWeek> sundayFirst() {
        return Stream.concat(Stream.of(DayOfWeek.SUNDAY), List.of(DayOfWeek.values()).subList(0, 6).stream());
    }

    private static String capitalized(String name, Locale locale) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
