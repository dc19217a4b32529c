package it.expertfeedback.inbox;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Experts who ask for their next request at the same instant are claimed for together, in one statement
 * ({@link InboxQueries#claim}, DD015 second amendment). On 2 cores a claim costs ≈ 0.1 ms of PostgreSQL's time inside
 * a batch against ≈ 0.35 ms as a statement of its own (round trip, transaction, relation locks, commit, and claimers
 * skipping each other's locked rows): 32 experts at once fit the 5 ms budget only this way.
 * <p>Flat combining: a caller queues its claim; if fewer than {@code lanes} batches are running it takes everything
 * queued (up to {@code batchMax}) and runs it as a batch — its own claim first in line if it was the first to
 * queue — then hands its lane to the first caller still queued, who runs the next batch with everything queued by
 * then. Nobody waits for a timer: a caller alone is a batch of one, and a batch grows only with the callers who
 * queued while the previous one ran. Callers are served in the order they queued.
 * <p>The rows are still locked in PostgreSQL ({@code FOR UPDATE SKIP LOCKED}), so several application instances, each
 * with its own combiner, stay correct (DD014). A batch that fails because one of its experts is claiming in another
 * transaction at the same instant (a unique violation on one expert per request, or a deadlock between two such
 * batches) is undone whole; each of its callers then claims alone, as before combining.
 */
@Component
class ClaimCombiner {

    static final String BATCH_SIZES = "efs.inbox.claim.batch";

    private final InboxQueries queries;
    private final Clock clock;
    private final Duration lease;
    private final int lanes;
    private final int batchMax;
    private final DistributionSummary batchSizes;

    private final ReentrantLock lock = new ReentrantLock();
    /** Claims queued and not yet taken into a batch, in order of arrival (guarded by {@link #lock}). */
    private final ArrayDeque<Claim> queued = new ArrayDeque<>();
    /** Batches running now (guarded by {@link #lock}). */
    private int running;

    ClaimCombiner(InboxQueries queries, Clock clock, MeterRegistry registry,
                  @Value("${efs.inbox.lease:PT30M}") Duration lease,
                  @Value("${efs.inbox.claim-lanes:2}") int lanes,
                  @Value("${efs.inbox.claim-batch-max:32}") int batchMax) {
        if (lanes < 1 || batchMax < 1) {
            throw new IllegalArgumentException("efs.inbox.claim-lanes and efs.inbox.claim-batch-max must be at least 1");
        }
        this.queries = queries;
        this.clock = clock;
        this.lease = lease;
        this.lanes = lanes;
        this.batchMax = batchMax;
        this.batchSizes = DistributionSummary.builder(BATCH_SIZES)
                .description("Claims served per statement by the review inbox's claim combiner").register(registry);
    }

    /**
     * The best slot {@code userId} may take now, held for the lease; empty when the user may not review, nothing is
     * left, or the same user's claim in another transaction took the last request they could have had.
     */
    Optional<ClaimedRequest> claim(int userId) {
        Claim mine = new Claim(userId, Thread.currentThread());
        List<Claim> batch;
        lock.lock();
        try {
            queued.add(mine);
            batch = running < lanes ? startBatch() : null;
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (true) {
            if (batch != null) {
                try {
                    run(batch);
                } finally {
                    handOver();
                }
                batch = null;
            }
            if (mine.outcome != null) {
                break;
            }
            LockSupport.park(this);
            // The claim may be running in someone else's batch: leaving now would not undo it, so keep waiting
            // (a few milliseconds) and pass the interrupt on afterwards.
            interrupted |= Thread.interrupted();
            batch = mine.lead;
            mine.lead = null;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return mine.outcome.result(this, userId);
    }

    /**
     * Claims for these users as one batch, as if they had asked at the same instant, with the same outcomes (a
     * conflicting claim elsewhere sends each to claim alone): how the tests form a batch of their choosing.
     */
    List<Optional<ClaimedRequest>> claimTogether(int... userIds) {
        List<Claim> batch = new ArrayList<>();
        for (int userId : userIds) {
            batch.add(new Claim(userId, Thread.currentThread()));
        }
        run(batch);
        List<Optional<ClaimedRequest>> results = new ArrayList<>();
        for (Claim claim : batch) {
            results.add(claim.outcome.result(this, claim.userId));
        }
        return results;
    }

    /** Takes up to {@code batchMax} queued claims as a batch and counts it running (caller holds the lock). */
    private List<Claim> startBatch() {
        running++;
        List<Claim> batch = new ArrayList<>(Math.min(queued.size(), batchMax));
        while (!queued.isEmpty() && batch.size() < batchMax) {
            batch.add(queued.poll());
        }
        return batch;
    }

    /** The lane goes to the first claim still queued, with everything queued by now; or it is free again. */
    private void handOver() {
        lock.lock();
        try {
            running--;
            Claim next = queued.peek();
            if (next != null) {
                next.lead = startBatch();
                LockSupport.unpark(next.thread);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs one batch; every claim in it has its outcome afterwards, whatever happened, and its caller is woken. */
    private void run(List<Claim> batch) {
        int[] userIds = batch.stream().mapToInt(claim -> claim.userId).toArray();
        try {
            Map<Integer, ClaimedRequest> served = queries.claim(userIds, clock.instant(), lease);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome = new Served(Optional.ofNullable(served.get(i)));
            }
            batchSizes.record(batch.size());
        } catch (DuplicateKeyException | PessimisticLockingFailureException sameExpertElsewhere) {
            // One of these experts is claiming in another transaction right now; the whole batch was undone.
            Outcome outcome = batch.size() == 1 ? new Served(Optional.empty()) : new ClaimAlone();
            batch.forEach(claim -> claim.outcome = outcome);
        } catch (RuntimeException | Error failure) {
            Failed outcome = new Failed(failure);
            batch.forEach(claim -> claim.outcome = outcome);
        } finally {
            batch.forEach(claim -> {
                if (claim.thread != Thread.currentThread()) {
                    LockSupport.unpark(claim.thread);
                }
            });
        }
    }

    /** A batch of one, outside the combiner: after a batch was undone because an expert claimed elsewhere too. */
    private Optional<ClaimedRequest> claimAlone(int userId) {
        try {
            return Optional.ofNullable(queries.claim(new int[] {userId}, clock.instant(), lease).get(0));
        } catch (DuplicateKeyException | PessimisticLockingFailureException sameExpertElsewhere) {
            // The same expert's other claim, at the same instant, took a slot of the request this one picked.
            return Optional.empty();
        }
    }

    private static final class Claim {
        final int userId;
        final Thread thread;
        /** Set once, by whoever ran the batch this claim was in. */
        volatile Outcome outcome;
        /** A batch handed to this caller to run (with the lane it holds). */
        volatile List<Claim> lead;

        Claim(int userId, Thread thread) {
            this.userId = userId;
            this.thread = thread;
        }
    }

    private sealed interface Outcome permits Served, ClaimAlone, Failed {
        Optional<ClaimedRequest> result(ClaimCombiner combiner, int userId);
    }

    private record Served(Optional<ClaimedRequest> claimed) implements Outcome {
        @Override
        public Optional<ClaimedRequest> result(ClaimCombiner combiner, int userId) {
            return claimed;
        }
    }

    private record ClaimAlone() implements Outcome {
        @Override
        public Optional<ClaimedRequest> result(ClaimCombiner combiner, int userId) {
            return combiner.claimAlone(userId);
        }
    }

    /** The batch's statement failed for a reason that is not about who claims: every caller in it sees it. */
    private record Failed(Throwable failure) implements Outcome {
        @Override
        public Optional<ClaimedRequest> result(ClaimCombiner combiner, int userId) {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) failure;
        }
    }
}
