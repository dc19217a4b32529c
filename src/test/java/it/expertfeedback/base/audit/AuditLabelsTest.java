package it.expertfeedback.base.audit;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.base.ui.Formats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The audit log speaks words, not codes: every action the code records has a label in both languages. */
class AuditLabelsTest {

    private static final Pattern LITERAL_ACTIONS = Pattern.compile("\"([a-z_]+)\"");

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AuditLabelsTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** String literals on the lines that record an audit entry (entity types excluded), plus verdict names. */
    private static Set<String> recordedActions() throws IOException {
        Set<String> actions = new TreeSet<>(Set.of("upheld", "overturned"));
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher call = Pattern.compile("audit\\.record\\(([^;]*);").matcher(source);
                while (call.find()) {
                    Matcher literal = LITERAL_ACTIONS.matcher(call.group(1));
                    while (literal.find()) {
                        actions.add(literal.group(1));
                    }
                }
                // Services that pass the action through a helper: change(profile, "verified", ...), decide(id, v, "approved", ...)
                Matcher change = Pattern.compile("(?:change\\(profile|decide\\(candidateId, expectedVersion), ([^,]*),").matcher(source);
                while (change.find()) {
                    Matcher literal = LITERAL_ACTIONS.matcher(change.group(1));
                    while (literal.find()) {
                        actions.add(literal.group(1));
                    }
                }
            }
        }
        actions.removeAll(Set.of("settings", "faq_auto_approval", "email", "review_verdict", "through_candidate")); // map keys, not actions
        return actions;
    }

    @Test
    void every_recorded_action_has_an_italian_and_an_english_label() throws IOException {
        Set<String> actions = recordedActions();
        assertThat(actions).contains("edited_and_approved", "faq_edited", "faq_retired", "auto_approved", "verified");
        for (String language : new String[] {"it", "en"}) {
            Properties bundle = bundle(language);
            assertThat(actions).as(language).allSatisfy(action ->
                    assertThat(bundle.getProperty("audit.action." + action)).as(language + " audit.action." + action).isNotBlank());
        }
        assertThat(bundle("it").getProperty("audit.action.edited_and_approved")).isEqualTo("Modificato e approvato");
    }

    @Test
    void one_date_time_format_in_both_languages() {
        Instant moment = Instant.parse("2026-12-01T09:05:00Z");
        assertThat(Formats.dateTime(moment, Locale.ITALIAN)).isEqualTo("01/12/2026 10:05");
        assertThat(Formats.dateTime(moment, Locale.ENGLISH)).isEqualTo("01/12/2026 10:05");
        assertThat(Formats.decimal(0.85, 2, Locale.ITALIAN)).isEqualTo("0,85");
    }
}
