package it.expertfeedback.base.text;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a correction added to or removed from the AI answer, word by word, so a reviewer or the expert sees the
 * change and not a rewrite. Myers' algorithm (java-diff-utils) over words and the blanks between them: its cost
 * grows with the size of the change, not with the square of the text, so one word changed in a 20,000-character
 * answer is one change found in milliseconds. Inside a changed run of words, a second Myers pass over characters
 * tells which letters changed ("100%" → "88%"), shown as {@link Segment#detail()}. Pure.
 */
public final class WordDiff {

    /** A changed run longer than this on either side is highlighted as a whole: letter detail would be noise. */
    static final int MAX_DETAIL_CHARS = 400;
    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    public enum Kind { SAME, ADDED, REMOVED }

    /**
     * A run of text. For a REMOVED or ADDED run that replaces another, {@code detail} splits it into the characters
     * kept (SAME) and those changed (REMOVED or ADDED, like the run); empty otherwise.
     */
    public record Segment(Kind kind, String text, List<Segment> detail) {
        public Segment(Kind kind, String text) {
            this(kind, text, List.of());
        }
    }

    private WordDiff() {
    }

    public static List<Segment> between(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        List<Segment> segments = new ArrayList<>();
        int kept = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            Chunk<String> source = delta.getSource();
            add(segments, Kind.SAME, String.join("", a.subList(kept, source.getPosition())));
            String removed = String.join("", source.getLines());
            String added = String.join("", delta.getTarget().getLines());
            boolean replaced = !removed.isEmpty() && !added.isEmpty();
            add(segments, new Segment(Kind.REMOVED, removed, replaced ? detail(removed, added, Kind.REMOVED) : List.of()));
            add(segments, new Segment(Kind.ADDED, added, replaced ? detail(removed, added, Kind.ADDED) : List.of()));
            kept = source.getPosition() + source.size();
        }
        add(segments, Kind.SAME, String.join("", a.subList(kept, a.size())));
        return segments;
    }

    /** The number of places where the texts differ (a replaced run counts once). */
    public static int changes(String before, String after) {
        return DiffUtils.diff(tokens(before), tokens(after)).getDeltas().size();
    }

    /** One side of a replaced run, split into characters kept and characters changed. */
    private static List<Segment> detail(String removed, String added, Kind side) {
        if (removed.length() > MAX_DETAIL_CHARS || added.length() > MAX_DETAIL_CHARS) {
            return List.of();
        }
        List<Integer> a = removed.codePoints().boxed().toList();
        List<Integer> b = added.codePoints().boxed().toList();
        List<Integer> mine = side == Kind.REMOVED ? a : b;
        List<Segment> parts = new ArrayList<>();
        int kept = 0;
        for (AbstractDelta<Integer> delta : DiffUtils.diff(a, b).getDeltas()) {
            Chunk<Integer> chunk = side == Kind.REMOVED ? delta.getSource() : delta.getTarget();
            addDetail(parts, Kind.SAME, text(mine.subList(kept, chunk.getPosition())));
            addDetail(parts, side, text(chunk.getLines()));
            kept = chunk.getPosition() + chunk.size();
        }
        addDetail(parts, Kind.SAME, text(mine.subList(kept, mine.size())));
        return parts;
    }

    private static String text(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    private static void add(List<Segment> segments, Kind kind, String text) {
        add(segments, new Segment(kind, text));
    }

    /** Appends a non-empty run; consecutive unchanged runs merge so the view gets few, long spans. */
    private static void add(List<Segment> segments, Segment segment) {
        if (segment.text().isEmpty()) {
            return;
        }
        if (segment.kind() == Kind.SAME && !segments.isEmpty() && segments.getLast().kind() == Kind.SAME) {
            segments.add(new Segment(Kind.SAME, segments.removeLast().text() + segment.text()));
        } else {
            segments.add(segment);
        }
    }

    private static void addDetail(List<Segment> parts, Kind kind, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!parts.isEmpty() && parts.getLast().kind() == kind) {
            parts.add(new Segment(kind, parts.removeLast().text() + text));
        } else {
            parts.add(new Segment(kind, text));
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
