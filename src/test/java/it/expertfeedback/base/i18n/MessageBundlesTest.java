package it.expertfeedback.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.expert.CredentialType;
import it.expertfeedback.feedback.FeedbackCategory;
import it.expertfeedback.feedback.FeedbackType;
import it.expertfeedback.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Italian and English bundles stay in step, and every key the code asks for exists. A missing key does
 * not fail at run time (the UI shows !key!), so this is where it is caught.
 */
class MessageBundlesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern MENU_TITLE = Pattern.compile("@Menu\\s*\\([^)]*title\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern KEY_SHAPE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[A-Za-z0-9_-]+)+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private final Map<String, String> italian = load("it");
    private final Map<String, String> english = load("en");

    @Test
    void italian_and_english_have_exactly_the_same_keys() {
        Set<String> missingInEnglish = new TreeSet<>(italian.keySet());
        missingInEnglish.removeAll(english.keySet());
        Set<String> missingInItalian = new TreeSet<>(english.keySet());
        missingInItalian.removeAll(italian.keySet());

        assertThat(missingInEnglish).as("keys in messages_it.properties missing from messages_en.properties").isEmpty();
        assertThat(missingInItalian).as("keys in messages_en.properties missing from messages_it.properties").isEmpty();
        assertThat(italian).hasSizeGreaterThan(20);
    }

    @Test
    void no_value_is_empty() {
        assertThat(blankKeys(italian)).as("empty values in messages_it.properties").isEmpty();
        assertThat(blankKeys(english)).as("empty values in messages_en.properties").isEmpty();
    }

    @Test
    void no_key_is_written_twice_in_one_file() {
        // java.util.Properties keeps the last of two equal keys without a word; read the lines instead.
        assertThat(duplicateKeys("it")).as("duplicate keys in messages_it.properties").isEmpty();
        assertThat(duplicateKeys("en")).as("duplicate keys in messages_en.properties").isEmpty();
    }

    @Test
    void both_languages_use_the_same_placeholders() {
        Map<String, String> mismatches = new TreeMap<>();
        italian.forEach((key, value) -> {
            if (english.containsKey(key) && !placeholders(value).equals(placeholders(english.get(key)))) {
                mismatches.put(key, value + "  <->  " + english.get(key));
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void messages_with_placeholders_use_no_plain_apostrophe() {
        // MessageFormat reads ' as the start of quoted text: "l'esperto {0}" would print "lesperto {0}" literally.
        // Such messages use the typographic ’ instead.
        Map<String, String> broken = new TreeMap<>();
        for (Map<String, String> bundle : List.of(italian, english)) {
            bundle.forEach((key, value) -> {
                if (!placeholders(value).isEmpty() && value.contains("'")) {
                    broken.put(key, value);
                }
            });
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void every_key_used_in_the_code_exists_in_both_languages() throws IOException {
        Set<String> used = keysUsedInSources();

        // The scan itself must find what we know is there, or this test would pass on nothing.
        assertThat(used).contains("nav.home", "nav.users", "home.experts", "app.title", "login.unavailable.title", "common.yes");
        assertThat(missing(used, italian)).as("keys used in src/main/java missing from messages_it.properties").isEmpty();
        assertThat(missing(used, english)).as("keys used in src/main/java missing from messages_en.properties").isEmpty();
    }

    @Test
    void every_enum_label_has_a_translation() {
        List<String> keys = new ArrayList<>();
        Stream.of(Role.values()).map(Role::labelKey).forEach(keys::add);
        Stream.of(CredentialType.values()).map(CredentialType::labelKey).forEach(keys::add);
        Stream.of(FeedbackType.values()).map(FeedbackType::labelKey).forEach(keys::add);
        Stream.of(FeedbackCategory.values()).map(FeedbackCategory::labelKey).forEach(keys::add);
        Stream.of(FeedbackCategory.values()).map(FeedbackCategory::descriptionKey).forEach(keys::add);

        assertThat(keys).hasSize(3 + 5 + 3 + 5 + 5);
        assertThat(missing(keys, italian)).as("enum labels missing in Italian").isEmpty();
        assertThat(missing(keys, english)).as("enum labels missing in English").isEmpty();
    }

    @Test
    void the_provider_reads_these_files_and_speaks_italian_by_default() {
        AppI18NProvider provider = new AppI18NProvider();

        assertThat(provider.getTranslation("nav.users", java.util.Locale.GERMAN)).isEqualTo(italian.get("nav.users"));
        assertThat(provider.getTranslation("nav.users", java.util.Locale.ENGLISH)).isEqualTo(english.get("nav.users"));
        assertThat(provider.getTranslation("home.welcome", java.util.Locale.ITALIAN, "Anna")).isEqualTo("Benvenuto, Anna");
        assertThat(provider.getTranslation("no.such.key", java.util.Locale.ITALIAN)).isEqualTo("!no.such.key!");
    }

    /**
     * Keys are found three ways: every literal inside a {@code getTranslation(...)} call (ternaries included),
     * every {@code @Menu(title = ...)}, and in UI classes every key-shaped literal of a namespace the bundles
     * use (labels handed to a helper before they reach getTranslation, such as HomeView's tiles).
     */
    private Set<String> keysUsedInSources() throws IOException {
        Set<String> namespaces = italian.keySet().stream().map(key -> key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (String call : translationCalls(source)) {
                    literals(call).filter(literal -> KEY_SHAPE.matcher(literal).matches()).forEach(keys::add);
                }
                Matcher menu = MENU_TITLE.matcher(source);
                while (menu.find()) {
                    keys.add(menu.group(1));
                }
                if (file.toString().contains("/ui/")) {
                    literals(source).filter(literal -> KEY_SHAPE.matcher(literal).matches())
                            .filter(literal -> namespaces.contains(literal.substring(0, literal.indexOf('.'))))
                            .forEach(keys::add);
                }
            }
        }
        return keys;
    }

    /** The argument text of each {@code getTranslation(...)} call, parentheses balanced. */
    private static List<String> translationCalls(String source) {
        List<String> calls = new ArrayList<>();
        int from = 0;
        while ((from = source.indexOf("getTranslation(", from)) >= 0) {
            int start = from + "getTranslation(".length();
            int depth = 1;
            int i = start;
            boolean inString = false;
            for (; i < source.length() && depth > 0; i++) {
                char c = source.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
            }
            calls.add(source.substring(start, Math.max(start, i - 1)));
            from = start;
        }
        return calls;
    }

    private static Stream<String> literals(String text) {
        Matcher matcher = STRING_LITERAL.matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found.stream();
    }

    private static Set<String> missing(Iterable<String> keys, Map<String, String> bundle) {
        Set<String> missing = new TreeSet<>();
        keys.forEach(key -> {
            if (!bundle.containsKey(key)) {
                missing.add(key);
            }
        });
        return missing;
    }

    private static Set<String> blankKeys(Map<String, String> bundle) {
        return bundle.entrySet().stream().filter(entry -> entry.getValue().isBlank()).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> placeholders(String value) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        Set<String> found = new TreeSet<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Set<String> duplicateKeys(String language) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : resourceText(language).split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            int separator = trimmed.indexOf('=');
            String key = (separator < 0 ? trimmed : trimmed.substring(0, separator)).strip();
            counts.merge(key, 1, Integer::sum);
        }
        return counts.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String resourceText(String language) {
        try (InputStream in = stream(language)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> load(String language) {
        // Java reads .properties bundles as UTF-8 (JEP 226), so the test does the same.
        Properties properties = new Properties();
        try (InputStream in = stream(language)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> bundle = new TreeMap<>();
        properties.forEach((key, value) -> bundle.put((String) key, (String) value));
        return bundle;
    }

    private static InputStream stream(String language) {
        String name = AppI18NProvider.BUNDLE + "_" + language + ".properties";
        InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name + " on the classpath").isNotNull();
        return in;
    }
}
