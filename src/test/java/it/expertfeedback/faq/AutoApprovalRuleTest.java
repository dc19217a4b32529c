package it.expertfeedback.faq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DOMAIN.md §5 auto-approval, at each boundary, with the default thresholds. */
class AutoApprovalRuleTest {

    private static final AutoApprovalSettings DEFAULTS = AutoApprovalSettings.DEFAULTS;

    private static AutoApprovalRule.Facts facts(boolean active, boolean verified, double trust, double confidence,
                                                int resolved, boolean conflict) {
        return new AutoApprovalRule.Facts(active, verified, trust, confidence, resolved, conflict);
    }

    private static boolean approves(AutoApprovalRule.Facts facts) {
        return AutoApprovalRule.evaluate(DEFAULTS, facts).approve();
    }

    @Test
    void everything_at_the_threshold_is_approved() {
        assertThat(approves(facts(true, true, 0.85, 0.80, 5, false))).isTrue();
    }

    @Test
    void trust_0_8499_is_not_enough() {
        assertThat(approves(facts(true, true, 0.8499, 0.80, 5, false))).isFalse();
        assertThat(AutoApprovalRule.evaluate(DEFAULTS, facts(true, true, 0.8499, 0.80, 5, false)).failed())
                .containsExactly("trust_below_minimum");
    }

    @Test
    void confidence_0_79_is_not_enough() {
        assertThat(approves(facts(true, true, 0.90, 0.79, 5, false))).isFalse();
        assertThat(approves(facts(true, true, 0.90, 0.80, 5, false))).isTrue();
    }

    @Test
    void four_resolved_are_not_enough_five_are() {
        assertThat(approves(facts(true, true, 0.90, 0.90, 4, false))).isFalse();
        assertThat(approves(facts(true, true, 0.90, 0.90, 5, false))).isTrue();
    }

    @Test
    void an_unverified_or_inactive_expert_is_never_auto_approved() {
        assertThat(approves(facts(true, false, 1.0, 1.0, 50, false))).isFalse();
        assertThat(approves(facts(false, true, 1.0, 1.0, 50, false))).isFalse();
    }

    @Test
    void an_approved_faq_with_the_same_question_and_another_answer_keeps_it_pending() {
        AutoApprovalRule.Outcome outcome = AutoApprovalRule.evaluate(DEFAULTS, facts(true, true, 1.0, 1.0, 50, true));
        assertThat(outcome.approve()).isFalse();
        assertThat(outcome.failed()).containsExactly("conflicting_approved_answer");
    }

    @Test
    void the_outcome_records_every_value_it_saw_and_the_thresholds() {
        AutoApprovalRule.Outcome outcome = AutoApprovalRule.evaluate(new AutoApprovalSettings(0.7, 0.6, 2, true),
                facts(true, true, 0.75, 0.65, 3, false));
        assertThat(outcome.approve()).isTrue();
        assertThat(outcome.seen()).containsEntry("rule", "auto_approval").containsEntry("trust", 0.75)
                .containsEntry("min_trust", 0.7).containsEntry("confidence", 0.65).containsEntry("min_confidence", 0.6)
                .containsEntry("resolved", 3).containsEntry("min_resolved", 2);
    }

    @Test
    void disabled_settings_approve_nothing() {
        assertThat(AutoApprovalRule.evaluate(new AutoApprovalSettings(0.0, 0.0, 0, false),
                facts(true, true, 1.0, 1.0, 50, false)).approve()).isFalse();
    }
}
