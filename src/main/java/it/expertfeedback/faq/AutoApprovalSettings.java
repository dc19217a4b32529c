package it.expertfeedback.faq;

import it.expertfeedback.base.validation.FieldProblem;
import java.util.LinkedHashMap;
import java.util.Map;

/** The thresholds of the auto-approval rule (DOMAIN.md §5), editable by an administrator. */
public record AutoApprovalSettings(double minTrust, double minConfidence, int minResolved, boolean enabled) {

    public static final AutoApprovalSettings DEFAULTS = new AutoApprovalSettings(0.85, 0.80, 5, true);

    public Map<String, FieldProblem> problems() {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        if (Double.isNaN(minTrust) || minTrust < 0 || minTrust > 1) {
            problems.put("min_trust", FieldProblem.of("validation.range", 0, 1));
        }
        if (Double.isNaN(minConfidence) || minConfidence < 0 || minConfidence > 1) {
            problems.put("min_confidence", FieldProblem.of("validation.range", 0, 1));
        }
        if (minResolved < 0 || minResolved > 10_000) {
            problems.put("min_resolved", FieldProblem.of("validation.range", 0, 10_000));
        }
        return problems;
    }
}
