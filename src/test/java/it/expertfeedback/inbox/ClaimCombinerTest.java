package it.expertfeedback.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Experts who ask at the same instant are claimed for in one statement (ClaimCombiner, V26): the batch hands out
 * what one claim after the other would, in order of arrival, and a batch undone by the same expert claiming in
 * another transaction serves each of its claimers alone.
 */
@IntegrationTest
class ClaimCombinerTest {

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ClaimCombiner combiner;

    @Autowired
    InboxService inbox;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry registry;

    private static String spec() {
        return "s-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A request at the very front of the queue (top priority, asked in 1990, in this order) routed to these
     * specializations, so that only this test's experts can take it.
     */
    private UUID request(int order, int reviews, String... routing) {
        UUID id = jdbc.queryForObject("""
                insert into review_request (query_id, query_text, original_answer, topic, routing, priority,
                                            required_reviews, content_hash)
                values (gen_random_uuid(), ?, 'Risposta.', 'combinata', ?, 100, ?, md5(random()::text) || md5(random()::text))
                returning id""", UUID.class, "Domanda n. " + order + " " + UUID.randomUUID(), routing, reviews);
        jdbc.update("""
                insert into review_slot (request_id, slot_no, query_id, priority, requested_at, routing)
                select r.id, n, r.query_id, r.priority, timestamptz '1990-01-01 00:00Z' + ? * interval '1 s', r.routing
                from review_request r, generate_series(1, r.required_reviews) n where r.id = ?""", order, id);
        return id;
    }

    private UUID expertId(TestUsers.Created user) {
        return jdbc.queryForObject("select id from expert_profiles where user_id = ?", UUID.class, user.id());
    }

    private static UUID requestOf(Optional<ClaimedRequest> claimed) {
        return claimed.orElseThrow().requestId();
    }

    @Test
    void a_batch_hands_out_in_order_of_arrival_what_each_expert_may_take() {
        String shared = spec();
        String onlyA = spec();
        TestUsers.Created a = InboxFixtures.expert(users, jdbc, shared, onlyA);
        TestUsers.Created b = InboxFixtures.expert(users, jdbc, shared);
        TestUsers.Created c = InboxFixtures.expert(users, jdbc, shared);
        UUID forA = request(1, 1, onlyA);
        UUID twoReviews = request(2, 2, shared);
        UUID ruledOut = request(3, 1, shared);
        UUID fourth = request(4, 1, shared);
        UUID fifth = request(5, 1, shared);
        jdbc.update("insert into review_skip (request_id, expert_id, reason) values (?, ?, 'unclear')", ruledOut,
                expertId(b));
        jdbc.update("""
                insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer,
                                             time_spent_seconds)
                select r.query_id, ?, 'correct', r.query_text, r.original_answer, 60 from review_request r where r.id = ?""",
                expertId(c), ruledOut);

        List<Optional<ClaimedRequest>> served = combiner.claimTogether(b.id(), a.id(), c.id(), b.id(), c.id());

        assertThat(requestOf(served.get(0))).as("B first: the two-review request (the first is A's only)")
                .isEqualTo(twoReviews);
        assertThat(requestOf(served.get(1))).as("A: routed to A alone").isEqualTo(forA);
        assertThat(requestOf(served.get(2))).as("C: the second review of the same request").isEqualTo(twoReviews);
        assertThat(requestOf(served.get(3))).as("B again: not its other slot, not what it skipped").isEqualTo(fourth);
        assertThat(requestOf(served.get(4))).as("C again: not what it judged").isEqualTo(fifth);
        assertThat(served.get(0).orElseThrow().slotId()).isNotEqualTo(served.get(2).orElseThrow().slotId());
        assertThat(jdbc.queryForObject("select state from review_slot where request_id = ?", String.class, ruledOut))
                .as("left for someone who may take it").isEqualTo("open");
        assertThat(jdbc.queryForObject("""
                select count(*) from review_slot where state = 'claimed' and lease_expires_at > now() + interval '1 minute'
                  and request_id in (?, ?, ?, ?)""", Integer.class, forA, twoReviews, fourth, fifth))
                .as("each held with a lease").isEqualTo(5);
    }

    @Test
    void a_claimer_the_first_free_slots_do_not_suit_reads_on_past_them() {
        String shared = spec();
        TestUsers.Created b = InboxFixtures.expert(users, jdbc, shared);
        TestUsers.Created inactive = InboxFixtures.expert(users, jdbc, shared);
        jdbc.update("update expert_profiles set is_active = false where user_id = ?", inactive.id());
        List<UUID> skipped = new ArrayList<>();
        for (int order = 1; order <= 4; order++) {
            UUID request = request(order, 1, shared);
            jdbc.update("insert into review_skip (request_id, expert_id, reason) values (?, ?, 'unclear')", request,
                    expertId(b));
            skipped.add(request);
        }
        UUID twoReviews = request(5, 2, shared);
        UUID beyond = request(6, 1, shared);

        // Three claims, five candidates: B's first takes the two-review request; its second finds only what it
        // skipped and the other slot of its own request, and is claimed for by the one-expert statement after them.
        List<Optional<ClaimedRequest>> served = combiner.claimTogether(b.id(), inactive.id(), b.id());

        assertThat(requestOf(served.get(0))).isEqualTo(twoReviews);
        assertThat(served.get(1)).as("a switched-off profile gets nothing").isEmpty();
        assertThat(requestOf(served.get(2))).isEqualTo(beyond);
        assertThat(jdbc.queryForObject("select count(*) from review_slot where request_id = any(?) and state = 'open'",
                Integer.class, (Object) skipped.toArray(UUID[]::new))).isEqualTo(4);
    }

    /**
     * The same expert claiming in another transaction (another instance, another tab) while their batch runs: the
     * batch waits on the one-expert-per-request index, is undone when the other commits, and each of its claimers
     * then claims alone — the expert gets another request, the other claimer what the batch had given them.
     */
    @Test
    void a_batch_undone_by_the_same_experts_claim_elsewhere_serves_each_claimer_alone() throws Exception {
        String shared = spec();
        TestUsers.Created b = InboxFixtures.expert(users, jdbc, shared);
        TestUsers.Created a = InboxFixtures.expert(users, jdbc, shared);
        UUID twoReviews = request(1, 2, shared);
        UUID next = request(2, 1, shared);

        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Connection elsewhere = dataSource.getConnection()) {
            elsewhere.setAutoCommit(false);
            try (PreparedStatement claim = elsewhere.prepareStatement(
                    "select * from claim_review_slots(array[?], now(), now() + interval '30 minutes')")) {
                claim.setInt(1, b.id());
                claim.executeQuery().close();
            }
            Future<List<Optional<ClaimedRequest>>> batch = thread.submit(() -> combiner.claimTogether(b.id(), a.id()));
            waitUntilAClaimWaitsForAnotherTransaction();
            elsewhere.commit();

            List<Optional<ClaimedRequest>> served = batch.get(30, TimeUnit.SECONDS);
            assertThat(requestOf(served.get(0))).as("B, who holds the first slot elsewhere").isEqualTo(next);
            assertThat(requestOf(served.get(1))).as("A").isEqualTo(twoReviews);
        } finally {
            thread.shutdownNow();
        }
        assertThat(jdbc.queryForObject("""
                select count(distinct expert_id) from review_slot where request_id = ? and state = 'claimed'""",
                Integer.class, twoReviews)).isEqualTo(2);
    }

    private void waitUntilAClaimWaitsForAnotherTransaction() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Integer waiting = jdbc.queryForObject("""
                    select count(*) from pg_stat_activity
                    where wait_event_type = 'Lock' and wait_event = 'transactionid' and query like '%claim_review_slots%'""",
                    Integer.class);
            if (waiting > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the batch never waited for the other transaction");
    }

    /** 32 experts asking at once through the service: served in shared statements, each a slot of their own. */
    @Test
    void thirty_two_experts_asking_at_once_are_served_together_each_a_slot_of_their_own() throws Exception {
        String shared = spec();
        for (int order = 1; order <= 64; order++) {
            request(order, order % 8 == 0 ? 2 : 1, shared);
        }
        List<TestUsers.Created> experts = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            experts.add(InboxFixtures.expert(users, jdbc, shared));
        }
        DistributionSummary batches = registry.get(ClaimCombiner.BATCH_SIZES).summary();
        long statementsBefore = batches.count();
        double claimsBefore = batches.totalAmount();

        record Claim(UUID slot, UUID request, int expert) {
        }
        ConcurrentLinkedQueue<Claim> claims = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (TestUsers.Created expert : experts) {
            running.add(pool.submit(() -> {
                try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
                    start.await();
                    for (int round = 0; round < 2; round++) {
                        ClaimedRequest claimed = inbox.claimNext().orElseThrow();
                        claims.add(new Claim(claimed.slotId(), claimed.requestId(), expert.id()));
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : running) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(claims).hasSize(64);
        assertThat(claims.stream().map(Claim::slot).distinct()).as("no slot handed out twice").hasSize(64);
        Set<String> expertOnRequest = new HashSet<>();
        claims.forEach(claim -> assertThat(expertOnRequest.add(claim.request() + "/" + claim.expert()))
                .as("one expert twice on a request").isTrue());
        long statements = batches.count() - statementsBefore;
        double served = batches.totalAmount() - claimsBefore;
        assertThat(served).isEqualTo(64);
        assertThat(statements).as("statements for 64 claims asked at once").isLessThan(64);
    }
}
