package it.expertfeedback.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the UI on one date format and Italian decimals for screens added later: every date picker is an
 * {@link AppDatePicker} (dd/MM/yyyy) and every decimal input a {@link DecimalField} (a NumberField, an HTML number
 * input, shows 0.85 whatever the language). ItalianNumbersJourneyTest checks the screens themselves in Chromium.
 */
class OneNumberAndDateFormatTest {

    @Test
    void views_use_the_app_date_picker_and_the_decimal_field() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("AppDatePicker.java"))
                    .filter(OneNumberAndDateFormatTest::makesItsOwn)
                    .map(Path::toString).toList();
            assertThat(offenders).as("a DatePicker or NumberField of their own (use AppDatePicker / DecimalField)").isEmpty();
        }
    }

    private static boolean makesItsOwn(Path source) {
        try {
            String code = Files.readString(source);
            return code.contains("new DatePicker(") || code.contains("new NumberField(");
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
