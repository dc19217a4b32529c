package it.expertfeedback.base.db;

import java.util.List;

/**
 * What the preflight found on a database about to be migrated (DOMAIN.md §11): what exists, what the pending
 * migrations would change, what blocks them. {@code blocks} empty means the migration may run.
 */
public record AdoptionReport(List<String> exists, List<String> wouldChange, List<String> unknownLabels,
                             List<String> blocks) {

    public boolean blocked() {
        return !blocks.isEmpty();
    }

    /** The report as the operator reads it (./efs adopt --check, or the error that stops a start). */
    public String text() {
        StringBuilder out = new StringBuilder("Adoption report (DOMAIN.md §11)\n");
        section(out, "Exists", exists);
        section(out, "Would change", wouldChange);
        section(out, "Unknown labels (kept, shown as \"Altro\", no trust weight)", unknownLabels);
        section(out, "BLOCKS (nothing is changed until resolved)", blocks);
        out.append(blocked() ? "Result: BLOCKED\n" : "Result: ready to migrate\n");
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        out.append("== ").append(title).append(" (").append(lines.size()).append(")\n");
        lines.forEach(line -> out.append("  - ").append(line).append('\n'));
    }
}
