package it.expertfeedback.faq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auto-approval rule of DOMAIN.md §5 as a pure function: a new (or merged) candidate is approved at once
 * when its expert is active and verified, trust ≥ min, confidence ≥ min, resolved ≥ min, and no approved FAQ
 * has the same normalized question with a different answer. The outcome lists the values it saw, for the
 * audit log.
 */
public final class AutoApprovalRule {

    private AutoApprovalRule() {
    }

    /** What the rule looks at. */
    public record Facts(boolean expertActive, boolean expertVerified, double trust, double confidence, int resolved,
                        boolean conflictingApprovedAnswer) {
    }

    /** Approve or not, the conditions that failed (empty when approved), and every value seen. */
    public record Outcome(boolean approve, List<String> failed, Map<String, Object> seen) {
    }

    public static Outcome evaluate(AutoApprovalSettings settings, Facts facts) {
        List<String> failed = new ArrayList<>();
        if (!settings.enabled()) {
            failed.add("disabled");
        }
        if (!facts.expertActive()) {
            failed.add("expert_inactive");
        }
        if (!facts.expertVerified()) {
            failed.add("expert_unverified");
        }
        if (facts.trust() < settings.minTrust()) {
            failed.add("trust_below_minimum");
        }
        if (facts.confidence() < settings.minConfidence()) {
            failed.add("confidence_below_minimum");
        }
        if (facts.resolved() < settings.minResolved()) {
            failed.add("resolved_below_minimum");
        }
        if (facts.conflictingApprovedAnswer()) {
            failed.add("conflicting_approved_answer");
        }
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("rule", "auto_approval");
        seen.put("expert_active", facts.expertActive());
        seen.put("expert_verified", facts.expertVerified());
        seen.put("trust", facts.trust());
        seen.put("min_trust", settings.minTrust());
        seen.put("confidence", facts.confidence());
        seen.put("min_confidence", settings.minConfidence());
        seen.put("resolved", facts.resolved());
        seen.put("min_resolved", settings.minResolved());
        seen.put("conflicting_approved_answer", facts.conflictingApprovedAnswer());
        return new Outcome(failed.isEmpty(), List.copyOf(failed), seen);
    }
}
