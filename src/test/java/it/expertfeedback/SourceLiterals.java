package it.expertfeedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The string literals (text blocks included) of a Java source file, comments skipped: what the architecture test
 * reads SQL from. A literal "looks like SQL" when it holds a statement or clause keyword followed by a blank.
 */
final class SourceLiterals {

    private static final Pattern SQL = Pattern.compile(
            "(?is)(^|[\\s(])(select|insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from|copy|from|join|where)\\s");

    private SourceLiterals() {
    }

    static boolean looksLikeSql(String literal) {
        return SQL.matcher(literal).find();
    }

    /** Whether the SQL names the table or view as a whole word ({@code "user"} with its quotes). */
    static boolean names(String sql, String table) {
        if (table.startsWith("\"")) {
            return sql.contains(table);
        }
        return Pattern.compile("(?i)(?<![\\w.])" + Pattern.quote(table) + "(?!\\w)").matcher(sql).find();
    }

    static List<String> of(Path file) throws IOException {
        return of(Files.readString(file));
    }

    static List<String> of(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i += source.charAt(i + 1) == '\\' ? 2 : 1;
                while (i < n && source.charAt(i) != '\'') {
                    i++;
                }
                i++;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                literals.add(unescape(source.substring(i + 3, end)));
                i = end + 3;
            } else if (c == '"') {
                StringBuilder literal = new StringBuilder();
                i++;
                while (i < n && source.charAt(i) != '"') {
                    if (source.charAt(i) == '\\' && i + 1 < n) {
                        literal.append('\\');
                        i++;
                    }
                    literal.append(source.charAt(i));
                    i++;
                }
                literals.add(unescape(literal.toString()));
                i++;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static String unescape(String text) {
        return text.replace("\\\"", "\"").replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
    }
}
