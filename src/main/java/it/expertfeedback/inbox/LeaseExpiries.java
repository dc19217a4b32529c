package it.expertfeedback.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * When a claim must also look at expired leases (DD016). Most claims happen while no lease has run out; reading
 * the expired ones too costs every claim a second locked scan with its own probes — the part of the claim's
 * CPU that kept the 32-at-once p95 on the budget's line. So the instance remembers the earliest moment a lease can
 * have run out and claims from the open slots alone before it.
 * <p>That moment is the earliest live lease the database held when last looked, or, if sooner, the look's time plus
 * this instance's lease less {@code recheck}: every lease written here after the look, or by a statement still
 * running when it was taken, ends at least that late. Leases written elsewhere (another instance with a shorter lease or a skewed clock, an operator's SQL)
 * are seen at the next look, taken at least every {@code recheck} of real time: a lease lasts minutes, so it is
 * looked at long before it ends. Until a look is due, an instance claims from the open slots alone; any claim that
 * may meet an expired lease reads both, exactly as before. Looks are taken at most once a recheck, so an expired
 * lease nobody can take (its request routed to experts who all hold a slot of it) keeps claims on the full form
 * without a look each.
 * <p>Thread-safe: looks are immutable and the newest taken wins; an older one arriving late only makes the next
 * claims read both kinds a little longer.
 */
final class LeaseExpiries {

    private record Look(long takenAtNanos, Instant noneExpiresBefore) {
    }

    private final Duration lease;
    private final long recheckNanos;
    private final LongSupplier nanoTime;
    private final AtomicReference<Look> last = new AtomicReference<>();

    LeaseExpiries(Duration lease, Duration recheck, LongSupplier nanoTime) {
        this.lease = lease;
        this.recheckNanos = recheck.toNanos();
        this.nanoTime = nanoTime;
    }

    /** True when a claim at {@code now} must read expired leases as well as open slots. */
    boolean mayHaveExpired(Instant now) {
        Look look = last.get();
        return isDue(look) || !now.isBefore(look.noneExpiresBefore());
    }

    /** True when the last look is older than the recheck (or there is none): the next claim should look. */
    boolean lookDue() {
        return isDue(last.get());
    }

    private boolean isDue(Look look) {
        return look == null || nanoTime.getAsLong() - look.takenAtNanos() >= recheckNanos;
    }

    /**
     * Records a look taken at {@code now}: {@code earliestLiveLease} is the earliest {@code lease_expires_at} of
     * the claimed slots read then (empty when none is claimed).
     */
    void looked(Instant now, long takenAtNanos, Optional<Instant> earliestLiveLease) {
        Instant fromNow = now.plus(lease).minusNanos(recheckNanos);
        Instant bound = earliestLiveLease.filter(earliest -> earliest.isBefore(fromNow)).orElse(fromNow);
        Look look = new Look(takenAtNanos, bound);
        last.accumulateAndGet(look, (previous, next) ->
                previous == null || next.takenAtNanos() - previous.takenAtNanos() >= 0 ? next : previous);
    }

    /** The real time a look is taken at (for {@link #looked}), read before the database is. */
    long now() {
        return nanoTime.getAsLong();
    }
}
