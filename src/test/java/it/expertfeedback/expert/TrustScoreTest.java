package it.expertfeedback.expert;

import static it.expertfeedback.expert.CredentialType.caf_operator;
import static it.expertfeedback.expert.CredentialType.consulente_fiscale;
import static it.expertfeedback.expert.CredentialType.consulente_lavoro;
import static it.expertfeedback.expert.CredentialType.dottore_commercialista;
import static it.expertfeedback.expert.CredentialType.revisore_legale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md §3 as plain arithmetic: no Spring, no database. */
class TrustScoreTest {

    private static final Offset<Double> EXACT = within(1e-9);

    private static TrustScore.Inputs inputs(boolean verified, List<CredentialType> credentials, int years,
                                            int resolved, int upheld, int feedbackCount, int avgSeconds,
                                            int specializations) {
        return new TrustScore.Inputs(verified, credentials, years, resolved, upheld, feedbackCount, avgSeconds,
                specializations);
    }

    private static TrustScore.Breakdown compute(TrustScore.Inputs in) {
        return TrustScore.compute(in);
    }

    @Nested
    class The_five_fixtures_of_the_domain_hold_to_four_decimals {

        @Test
        void fixture_1_a_verified_commercialista_with_nothing_else_scores_0_5() {
            var score = compute(inputs(true, List.of(dottore_commercialista), 0, 0, 0, 0, 0, 0));

            assertThat(score.total()).isEqualTo(0.5000);
            assertThat(score.credentials()).isCloseTo(0.30, EXACT);
            assertThat(score.experience()).isCloseTo(0.0, EXACT);
            assertThat(score.trackRecord()).isCloseTo(0.15, EXACT);
            assertThat(score.responsiveness()).isCloseTo(0.05, EXACT);
            assertThat(score.breadth()).isCloseTo(0.0, EXACT);
        }

        @Test
        void fixture_2_a_seasoned_double_qualified_expert_scores_0_9266() {
            var score = compute(inputs(true, List.of(dottore_commercialista, revisore_legale), 15, 20, 18, 20, 180, 3));

            assertThat(score.credentials()).isCloseTo(0.35, EXACT);
            assertThat(score.experience()).isCloseTo(0.1875, EXACT);
            assertThat(score.trackRecord()).isCloseTo(0.259091, within(1e-6));
            assertThat(score.responsiveness()).isCloseTo(0.10, EXACT);
            assertThat(score.breadth()).isCloseTo(0.03, EXACT);
            assertThat(score.total()).isEqualTo(0.9266);
        }

        @Test
        void fixture_3_an_unverified_caf_operator_scores_0_2250() {
            var score = compute(inputs(false, List.of(caf_operator), 2, 0, 0, 0, 0, 0));

            assertThat(score.credentials()).isZero();
            assertThat(score.total()).isEqualTo(0.2250);
        }

        @Test
        void fixture_4_a_slow_broad_labour_consultant_scores_0_5250() {
            var score = compute(inputs(true, List.of(consulente_lavoro), 30, 10, 2, 10, 3780, 8));

            assertThat(score.credentials()).isCloseTo(0.15, EXACT);
            assertThat(score.experience()).isCloseTo(0.25, EXACT);
            assertThat(score.trackRecord()).isCloseTo(0.075, EXACT);
            assertThat(score.responsiveness()).isCloseTo(0.0, EXACT);
            assertThat(score.breadth()).isCloseTo(0.05, EXACT);
            assertThat(score.total()).isEqualTo(0.5250);
        }

        @Test
        void fixture_5_an_unverified_always_overturned_slow_expert_gets_the_floor() {
            var score = compute(inputs(false, List.of(), 0, 50, 0, 50, 7200, 0));

            assertThat(score.total()).isEqualTo(0.1000);
        }
    }

    @Nested
    class Experience {

        @ParameterizedTest(name = "{0} years -> {1}")
        @CsvSource({"0, 0.0", "10, 0.125", "19, 0.2375", "20, 0.25", "21, 0.25", "45, 0.25"})
        void counts_up_to_twenty_years_and_no_more(int years, double expected) {
            assertThat(compute(inputs(true, List.of(), years, 0, 0, 0, 0, 0)).experience()).isCloseTo(expected, EXACT);
        }
    }

    @Nested
    class Credentials {

        @Test
        void each_type_has_the_weight_of_the_domain() {
            assertThat(dottore_commercialista.trustWeight()).isEqualTo(0.30);
            assertThat(revisore_legale.trustWeight()).isEqualTo(0.25);
            assertThat(consulente_fiscale.trustWeight()).isEqualTo(0.20);
            assertThat(consulente_lavoro.trustWeight()).isEqualTo(0.15);
            assertThat(caf_operator.trustWeight()).isEqualTo(0.10);
        }

        @Test
        void below_the_cap_the_weights_add_up() {
            var score = compute(inputs(true, List.of(consulente_lavoro, caf_operator), 0, 0, 0, 0, 0, 0));

            assertThat(score.credentials()).isCloseTo(0.25, EXACT);
        }

        @Test
        void the_sum_is_capped_at_0_35() {
            var all = compute(inputs(true, List.of(CredentialType.values()), 0, 0, 0, 0, 0, 0));
            var justOver = compute(inputs(true, List.of(consulente_fiscale, consulente_lavoro, caf_operator), 0, 0, 0, 0, 0, 0));

            assertThat(all.credentials()).isCloseTo(0.35, EXACT);
            assertThat(justOver.credentials()).isCloseTo(0.35, EXACT);
        }

        @Test
        void an_unverified_expert_gets_nothing_for_credentials() {
            var score = compute(inputs(false, List.of(CredentialType.values()), 0, 0, 0, 0, 0, 0));

            assertThat(score.credentials()).isZero();
            assertThat(score.total()).isEqualTo(0.20); // 0.15 track record + 0.05 responsiveness
        }

        @Test
        void a_verified_expert_without_credentials_gets_nothing_for_them() {
            assertThat(compute(inputs(true, List.of(), 0, 0, 0, 0, 0, 0)).credentials()).isZero();
        }
    }

    @Nested
    class Total {

        @Test
        void never_drops_below_the_0_10_floor() {
            var score = compute(inputs(false, List.of(), 0, 1000, 0, 1000, 100_000, 0));

            assertThat(score.credentials() + score.experience() + score.trackRecord() + score.responsiveness()
                    + score.breadth()).isLessThan(TrustScore.FLOOR);
            assertThat(score.total()).isEqualTo(0.10);
        }

        @Test
        void never_exceeds_one() {
            var score = compute(inputs(true, List.of(CredentialType.values()), 40, 1000, 1000, 1000, 60, 9));

            assertThat(score.credentials() + score.experience() + score.trackRecord() + score.responsiveness()
                    + score.breadth()).isGreaterThan(1.0);
            assertThat(score.total()).isEqualTo(1.0);
        }

        @Test
        void is_rounded_to_four_decimals() {
            // 1 of 1 upheld: 0.30 × 2/3 = 0.2, total 0.30 + 0.2 + 0.10 = 0.6
            var score = compute(inputs(true, List.of(dottore_commercialista), 0, 1, 1, 1, 180, 0));

            assertThat(score.trackRecord()).isCloseTo(0.2, EXACT);
            assertThat(score.total()).isEqualTo(0.6);
            // 0 of 4 upheld: 0.30 × 1/6 = 0.05
            var thirds = compute(inputs(true, List.of(dottore_commercialista), 0, 4, 0, 4, 180, 0));
            assertThat(thirds.trackRecord()).isCloseTo(0.05, EXACT);
            // 1 of 5 upheld: 0.30 × 2/7 = 0.085714..., total 0.485714... rounds to 0.4857
            var sevenths = compute(inputs(true, List.of(dottore_commercialista), 0, 5, 1, 5, 180, 0));
            assertThat(sevenths.total()).isEqualTo(0.4857);
        }
    }

    @Nested
    class Responsiveness {

        @ParameterizedTest(name = "avg {0} s -> {1}")
        @CsvSource({"0, 0.10", "1, 0.10", "180, 0.10", "1980, 0.05", "3780, 0.0", "3781, 0.0", "7200, 0.0"})
        void is_full_up_to_three_minutes_and_zero_from_an_hour_later(int avgSeconds, double expected) {
            assertThat(compute(inputs(true, List.of(), 0, 0, 0, 3, avgSeconds, 0)).responsiveness())
                    .isCloseTo(expected, EXACT);
        }

        @ParameterizedTest(name = "no feedback, avg {0} s -> 0.05")
        @CsvSource({"0", "180", "7200"})
        void is_a_neutral_0_05_without_any_feedback(int avgSeconds) {
            assertThat(compute(inputs(true, List.of(), 0, 0, 0, 0, avgSeconds, 0)).responsiveness())
                    .isCloseTo(0.05, EXACT);
        }
    }

    @Nested
    class Breadth {

        @ParameterizedTest(name = "{0} specializations -> {1}")
        @CsvSource({"0, 0.0", "1, 0.01", "4, 0.04", "5, 0.05", "6, 0.05", "20, 0.05"})
        void counts_up_to_five_specializations(int specializations, double expected) {
            assertThat(compute(inputs(true, List.of(), 0, 0, 0, 0, 0, specializations)).breadth())
                    .isCloseTo(expected, EXACT);
        }
    }

    @Nested
    class Track_record_and_accuracy {

        @Test
        void a_newcomer_starts_at_half_the_track_record_weight() {
            assertThat(compute(inputs(true, List.of(), 0, 0, 0, 0, 0, 0)).trackRecord()).isCloseTo(0.15, EXACT);
        }

        @Test
        void accuracy_is_zero_when_nothing_was_judged() {
            assertThat(TrustScore.accuracyRate(0, 0)).isZero();
        }

        @Test
        void accuracy_is_upheld_over_resolved() {
            assertThat(TrustScore.accuracyRate(20, 18)).isCloseTo(0.9, EXACT);
            assertThat(TrustScore.accuracyRate(10, 2)).isCloseTo(0.2, EXACT);
            assertThat(TrustScore.accuracyRate(50, 0)).isZero();
            assertThat(TrustScore.accuracyRate(3, 3)).isEqualTo(1.0);
        }
    }
}
