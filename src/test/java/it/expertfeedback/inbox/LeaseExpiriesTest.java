package it.expertfeedback.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When a claim must read expired leases as well as open slots (DD016): pure, on a hand-driven real-time clock. */
class LeaseExpiriesTest {

    private static final Duration LEASE = Duration.ofMinutes(30);
    private static final Duration RECHECK = Duration.ofSeconds(1);
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LeaseExpiries expiries = new LeaseExpiries(LEASE, RECHECK, nanos::get);

    private void elapse(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void before_any_look_a_claim_reads_both() {
        assertThat(expiries.mayHaveExpired(T0)).isTrue();
    }

    @Test
    void after_a_look_that_found_no_lease_the_open_slots_suffice_until_a_lease_written_since_could_end() {
        expiries.looked(T0, expiries.now(), Optional.empty());

        assertThat(expiries.mayHaveExpired(T0.plusMillis(10))).isFalse();
        // A lease written right after the look (or by a statement running during it) ends a lease minus the recheck
        // from the look at the earliest: from then on both are read, whatever the real-time clock says.
        assertThat(expiries.mayHaveExpired(T0.plus(LEASE).minus(RECHECK).minusMillis(1))).isFalse();
        assertThat(expiries.mayHaveExpired(T0.plus(LEASE).minus(RECHECK))).isTrue();
    }

    @Test
    void the_earliest_live_lease_the_look_found_is_when_both_are_read_again() {
        Instant earliest = T0.plusSeconds(300);
        expiries.looked(T0, expiries.now(), Optional.of(earliest));

        assertThat(expiries.mayHaveExpired(earliest.minusMillis(1))).isFalse();
        assertThat(expiries.mayHaveExpired(earliest)).as("a lease ending now has run out (lease_expires_at < now)")
                .isTrue();
    }

    @Test
    void a_lease_already_over_at_the_look_keeps_every_claim_reading_both_with_one_look_a_recheck() {
        assertThat(expiries.lookDue()).as("no look yet").isTrue();
        expiries.looked(T0, expiries.now(), Optional.of(T0.minusSeconds(1)));

        assertThat(expiries.mayHaveExpired(T0)).isTrue();
        assertThat(expiries.lookDue()).as("not again before the recheck").isFalse();
        elapse(RECHECK);
        assertThat(expiries.lookDue()).isTrue();
    }

    @Test
    void leases_written_elsewhere_are_seen_because_a_look_is_due_after_the_recheck_of_real_time() {
        expiries.looked(T0, expiries.now(), Optional.empty());
        elapse(RECHECK.minusMillis(1));
        assertThat(expiries.mayHaveExpired(T0)).isFalse();

        elapse(Duration.ofMillis(1));
        assertThat(expiries.mayHaveExpired(T0)).as("the application clock has not moved, the real one has").isTrue();
    }

    @Test
    void an_older_look_arriving_after_a_newer_one_does_not_replace_it() {
        long older = expiries.now();
        elapse(Duration.ofMillis(5));
        long newer = expiries.now();
        expiries.looked(T0, newer, Optional.of(T0.plusSeconds(600)));
        expiries.looked(T0, older, Optional.of(T0.plusSeconds(60)));

        assertThat(expiries.mayHaveExpired(T0.plusSeconds(120))).as("the newer look's earliest lease stands").isFalse();
        assertThat(expiries.mayHaveExpired(T0.plusSeconds(600))).isTrue();
    }
}
