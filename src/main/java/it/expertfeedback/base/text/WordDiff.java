package it.expertfeedback.base.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff (longest common subsequence over words and the blanks between them), so a reviewer or the
 * expert sees what a correction added to or removed from the AI answer. Pure; long texts fall back to
 * "all removed, all added" rather than spending quadratic memory.
 */
public final class WordDiff {

    /** Above this many tokens on both sides the LCS table would be too large for an interactive view. */
    static final long MAX_CELLS = 4_000_000L;
    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    public enum Kind { SAME, ADDED, REMOVED }

    public record Segment(Kind kind, String text) {
    }

    private WordDiff() {
    }

    public static List<Segment> between(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        if ((long) a.size() * b.size() > MAX_CELLS) {
            List<Segment> coarse = new ArrayList<>();
            add(coarse, Kind.REMOVED, String.join("", a));
            add(coarse, Kind.ADDED, String.join("", b));
            return coarse;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                add(segments, Kind.SAME, a.get(i));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                add(segments, Kind.REMOVED, a.get(i++));
            } else {
                add(segments, Kind.ADDED, b.get(j++));
            }
        }
        while (i < a.size()) {
            add(segments, Kind.REMOVED, a.get(i++));
        }
        while (j < b.size()) {
            add(segments, Kind.ADDED, b.get(j++));
        }
        return segments;
    }

    /** Appends, merging with the previous segment of the same kind so the view gets few, long spans. */
    private static void add(List<Segment> segments, Kind kind, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!segments.isEmpty() && segments.getLast().kind() == kind) {
            Segment last = segments.removeLast();
            segments.add(new Segment(kind, last.text() + text));
        } else {
            segments.add(new Segment(kind, text));
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
