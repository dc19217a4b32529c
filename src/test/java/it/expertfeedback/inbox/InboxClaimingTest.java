package it.expertfeedback.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.security.ApiKeyService;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.Api;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Claiming over REST (DOMAIN.md §8): concurrency, leases, routing, blind review and the server's time. */
@IntegrationTest
class InboxClaimingTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiKeyService keys;

    @Autowired
    InboxService inbox;

    @Autowired
    InboxQueries queries;

    @Autowired
    PlatformTransactionManager transactions;

    @Value("${efs.inbox.lease-recheck}")
    Duration leaseRecheck;

    Api api;
    String key;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        key = InboxFixtures.apiKey(keys, users);
    }

    /**
     * A lease running out, written by hand as an operator or another instance would: this instance sees it at its
     * next look at the leases, due within the recheck of real time (DD016).
     */
    private void leaseRunsOut(String requestId) throws InterruptedException {
        jdbc.update("update review_slot set lease_expires_at = now() - interval '1 second' where request_id = ?::uuid",
                requestId);
        Thread.sleep(leaseRecheck.plusMillis(50).toMillis());
    }

    /** A topic routed to a specialization nobody else has, so the test's experts are the only ones it reaches. */
    private String privateTopic(String specialization) {
        String topic = "t-" + UUID.randomUUID().toString().substring(0, 8);
        try (SignedIn admin = SignedIn.as(users.create("ADMIN"), Role.ADMIN)) {
            inbox.saveRoute(topic, List.of(specialization));
        }
        return topic;
    }

    private static String spec() {
        return "s-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void thirty_two_experts_claiming_at_once_empty_1000_requests_each_taken_by_exactly_its_required_number() throws Exception {
        String spec = spec();
        String topic = privateTopic(spec);
        Map<String, Integer> required = new HashMap<>();
        for (int batch = 0; batch < 2; batch++) {
            ArrayNode items = InboxFixtures.JSON.createArrayNode();
            for (int i = 0; i < 500; i++) {
                ObjectNode item = InboxFixtures.request(UUID.randomUUID(), topic, batch * 500 + i);
                int reviews = i % 10 == 0 ? 2 : 1;
                item.put("required_reviews", reviews);
                items.add(item);
            }
            ObjectNode body = InboxFixtures.JSON.createObjectNode();
            body.set("items", items);
            JsonNode response = api.post("/api/v1/review-requests/batch", key, body.toString()).json();
            assertThat(response.get("created").asInt()).isEqualTo(500);
            for (JsonNode item : response.get("items")) {
                required.put(item.get("id").asString(), item.get("index").asInt() % 10 == 0 ? 2 : 1);
            }
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            tokens.add(api.token(InboxFixtures.expert(users, jdbc, spec).email(), TestUsers.PASSWORD));
        }

        record Claim(String requestId, String expert) {
        }
        ConcurrentLinkedQueue<Claim> claims = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<?>> running = new ArrayList<>();
        for (String token : tokens) {
            running.add(pool.submit(() -> {
                start.await();
                while (true) {
                    Api.Response response = api.post("/api/v1/review-requests/claim", token, "");
                    if (response.status() == 204) {
                        return null;
                    }
                    if (response.status() != 200) {
                        failures.add(response.status());
                        return null;
                    }
                    claims.add(new Claim(response.json().get("request_id").asString(), token));
                }
            }));
        }
        start.countDown();
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();

        assertThat(failures).isEmpty();
        Map<String, List<String>> byRequest = new HashMap<>();
        for (Claim claim : claims) {
            if (required.containsKey(claim.requestId())) {
                byRequest.computeIfAbsent(claim.requestId(), k -> new ArrayList<>()).add(claim.expert());
            }
        }
        assertThat(byRequest).as("none lost").hasSize(1000);
        byRequest.forEach((request, experts) -> {
            assertThat(experts).as(request).hasSize(required.get(request));
            assertThat(new HashSet<>(experts)).as("different experts for " + request).hasSize(required.get(request));
        });

        // A lease that ran out gives the request back: someone else gets it.
        String lapsed = byRequest.keySet().iterator().next();
        leaseRunsOut(lapsed);
        String newcomer = api.token(InboxFixtures.expert(users, jdbc, spec).email(), TestUsers.PASSWORD);
        Api.Response again = api.post("/api/v1/review-requests/claim", newcomer, "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("request_id").asString()).isEqualTo(lapsed);
        assertThat(api.post("/api/v1/review-requests/claim", newcomer, "").status()).isEqualTo(204);
    }

    /**
     * The same expert claiming in another transaction at the same instant (another tab, another instance) holds slot
     * 1 of the request at the front: this claim skips that row, picks slot 2, waits on the one-expert-per-request index
     * until the other commits, and then is not told "nothing to do": it claims again and gets the next request.
     */
    @Test
    void an_expert_claiming_in_two_places_at_once_gets_the_next_request_not_nothing() throws Exception {
        String spec = spec();
        TestUsers.Created expert = InboxFixtures.expert(users, jdbc, spec);
        UUID twoReviews = frontRequest(1, 2, spec);
        UUID next = frontRequest(2, 1, spec);
        CountDownLatch heldElsewhere = new CountDownLatch(1);
        CountDownLatch commitElsewhere = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<ClaimedRequest> elsewhere = threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
                ClaimedRequest claimed = queries.claim(expert.id(), Instant.now(), Duration.ofMinutes(30), false)
                        .orElseThrow();
                heldElsewhere.countDown();
                awaitQuietly(commitElsewhere);
                return claimed;
            }));
            heldElsewhere.await();
            Future<Optional<ClaimedRequest>> here = threads.submit(() -> {
                try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
                    return inbox.claimNext();
                }
            });
            waitUntilAClaimWaitsForAnotherTransaction();
            commitElsewhere.countDown();

            assertThat(elsewhere.get().requestId()).isEqualTo(twoReviews);
            assertThat(here.get().orElseThrow().requestId()).as("the next request, not nothing").isEqualTo(next);
        } finally {
            commitElsewhere.countDown();
            threads.shutdownNow();
        }
    }

    /**
     * claimNext has no transaction interceptor (its hot path): called inside someone's transaction it still claims in
     * its own, so the lease's asynchronous commit never reaches the caller's work and the claim does not wait for it.
     */
    @Test
    void a_claim_inside_a_callers_transaction_commits_on_its_own_and_leaves_the_callers_commit_durable() {
        String spec = spec();
        TestUsers.Created expert = InboxFixtures.expert(users, jdbc, spec);
        UUID request = frontRequest(1, 1, spec);
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            String callersCommit = new TransactionTemplate(transactions).execute(status -> {
                // the test database is not durable; the caller's work is (jdbc runs on the caller's transaction here)
                jdbc.execute("set local synchronous_commit = on");
                assertThat(inbox.claimNext()).map(ClaimedRequest::requestId).contains(request);
                assertThat(claimedSeenFromAnotherConnection(request)).as("committed before the caller's").isEqualTo(1);
                return jdbc.queryForObject("select current_setting('synchronous_commit')", String.class);
            });
            assertThat(callersCommit).isEqualTo("on");
        }
    }

    private int claimedSeenFromAnotherConnection(UUID request) {
        try (java.sql.Connection own = jdbc.getDataSource().getConnection();
             java.sql.PreparedStatement count = own.prepareStatement(
                     "select count(*) from review_slot where request_id = ? and state = 'claimed'")) {
            count.setObject(1, request);
            try (java.sql.ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (java.sql.SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** A request at the very front of the queue (top priority, asked in 1990, in this order) routed to this spec. */
    private UUID frontRequest(int order, int reviews, String spec) {
        UUID id = jdbc.queryForObject("""
                insert into review_request (query_id, query_text, original_answer, topic, routing, priority,
                                            required_reviews, content_hash)
                values (gen_random_uuid(), ?, 'Risposta.', 'fronte', ?, 100, ?, md5(random()::text) || md5(random()::text))
                returning id""", UUID.class, "Domanda n. " + order + " " + UUID.randomUUID(), new String[] {spec}, reviews);
        jdbc.update("""
                insert into review_slot (request_id, slot_no, query_id, priority, requested_at, routing)
                select r.id, n, r.query_id, r.priority, timestamptz '1990-01-01 00:00Z' + ? * interval '1 s', r.routing
                from review_request r, generate_series(1, r.required_reviews) n where r.id = ?""", order, id);
        return id;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitUntilAClaimWaitsForAnotherTransaction() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Integer waiting = jdbc.queryForObject("""
                    select count(*) from pg_stat_activity
                    where wait_event_type = 'Lock' and wait_event = 'transactionid' and query like 'with me as materialized%'""",
                    Integer.class);
            if (waiting > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the claim never waited for the other transaction: " + jdbc.queryForList(
                "select state, wait_event_type, wait_event, left(query, 60) as q from pg_stat_activity where datname = current_database()"));
    }

    /** V25 reads open slots and expired leases along two indexes: the order across the two is still §8's. */
    @Test
    void an_expired_lease_comes_back_in_its_place_by_priority_among_the_open_slots() throws Exception {
        String spec = spec();
        String topic = privateTopic(spec);
        Map<Integer, String> byPriority = new HashMap<>();
        for (int priority : List.of(90, 50)) {
            ObjectNode body = InboxFixtures.request(UUID.randomUUID(), topic, priority);
            body.put("priority", priority);
            Api.Response created = api.post("/api/v1/review-requests", key, body.toString());
            assertThat(created.status()).isEqualTo(201);
            byPriority.put(priority, created.json().get("id").asString());
        }
        String first = api.token(InboxFixtures.expert(users, jdbc, spec).email(), TestUsers.PASSWORD);
        assertThat(api.post("/api/v1/review-requests/claim", first, "").json().get("request_id").asString())
                .isEqualTo(byPriority.get(90));
        leaseRunsOut(byPriority.get(90));

        String second = api.token(InboxFixtures.expert(users, jdbc, spec).email(), TestUsers.PASSWORD);
        assertThat(api.post("/api/v1/review-requests/claim", second, "").json().get("request_id").asString())
                .as("the expired 90 before the open 50").isEqualTo(byPriority.get(90));

        ObjectNode urgent = InboxFixtures.request(UUID.randomUUID(), topic, 95);
        urgent.put("priority", 95);
        String urgentId = api.post("/api/v1/review-requests", key, urgent.toString()).json().get("id").asString();
        leaseRunsOut(byPriority.get(90));
        String third = api.token(InboxFixtures.expert(users, jdbc, spec).email(), TestUsers.PASSWORD);
        assertThat(api.post("/api/v1/review-requests/claim", third, "").json().get("request_id").asString())
                .as("the open 95 before the expired 90").isEqualTo(urgentId);
        assertThat(api.post("/api/v1/review-requests/claim", third, "").json().get("request_id").asString())
                .as("then the expired 90").isEqualTo(byPriority.get(90));
    }

    /** Claims until the request with this query_id comes; passes on (skips) others. */
    private JsonNode claimUntil(String token, String queryId) {
        for (int i = 0; i < 5000; i++) {
            Api.Response response = api.post("/api/v1/review-requests/claim", token, "");
            if (response.status() == 204) {
                return null;
            }
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode claimed = response.json();
            if (claimed.get("query_id").asString().equals(queryId)) {
                return claimed;
            }
            api.post("/api/v1/review-requests/" + claimed.get("request_id").asString() + "/skip", token,
                    "{\"reason\":\"unclear\"}");
        }
        throw new AssertionError("never offered " + queryId);
    }

    /**
     * A claim is a lease, committed without waiting for the disk (DD015): right after it answers, its commit record
     * is still in the WAL buffers (insert position ahead of the flushed one), which a durable commit never leaves.
     * The WAL writer flushes it within wal_writer_delay (200 ms), so it is looked at at once, over 20 claims.
     * (That a submission's 201 is on disk is CrashTest's: a real kill after the answers.)
     */
    @Test
    void a_claim_commits_without_waiting_for_the_disk() {
        String spec = spec();
        String topic = privateTopic(spec);
        for (int i = 0; i < 20; i++) {
            assertThat(api.post("/api/v1/review-requests", key,
                    InboxFixtures.request(UUID.randomUUID(), topic, 1).toString()).status()).isEqualTo(201);
        }
        TestUsers.Created expert = InboxFixtures.expert(users, jdbc, spec);
        int leftInBuffers = 0;
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            for (int i = 0; i < 20; i++) {
                assertThat(inbox.claimNext()).isPresent();
                if (Boolean.TRUE.equals(jdbc.queryForObject(
                        "select pg_current_wal_insert_lsn() > pg_current_wal_flush_lsn()", Boolean.class))) {
                    leftInBuffers++;
                }
            }
        }
        // A durable commit never answers before its record is flushed: without DD015 this count is 0.
        assertThat(leftInBuffers).as("claims whose commit was not yet on disk when they answered")
                .isGreaterThanOrEqualTo(10);
    }

    /**
     * V25: a claim does not write into the index it reads, so the entries it leaves dead at the queue's front are
     * marked dead by the next claimer that passes them and skipped from then on without a visit to the table. With
     * the one index over open and claimed slots each claim added the claimed version at the front, the marks were
     * never set, and after these 300 claims finding the front read 45 buffers (measured with the V24 index back in
     * place; 6 with V25), growing with every claim until a vacuum came.
     */
    @Test
    void the_entries_claims_leave_dead_at_the_queue_front_are_passed_without_visiting_the_table() {
        String spec = spec();
        String topic = privateTopic(spec);
        jdbc.update("""
                insert into review_request (query_id, query_text, original_answer, topic, routing, priority, content_hash)
                select gen_random_uuid(), 'Domanda ' || g || ': quale aliquota IVA?', 'Risposta ' || g, ?, ?, 100,
                       md5(g::text) || md5(g::text)
                from generate_series(1, 300) g""", topic, new String[] {spec});
        // The front of the queue: top priority, asked long before any other test's request.
        jdbc.update("""
                insert into review_slot (request_id, slot_no, query_id, priority, requested_at, routing)
                select id, 1, query_id, priority, timestamptz '2000-01-01 00:00Z' + row_number() over () * interval '1 s', routing
                from review_request where topic = ?""", topic);
        TestUsers.Created expert = InboxFixtures.expert(users, jdbc, spec);
        // No vacuum in between (it would clean the front whatever the claim does); reset below.
        jdbc.execute("alter table review_slot set (autovacuum_enabled = false)");
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            for (int i = 0; i < 300; i++) {
                ClaimedRequest claimed = inbox.claimNext().orElseThrow();
                assertThat(claimed.topic()).isEqualTo(topic);
                jdbc.update("update review_slot set state = 'done', completed_at = now() where id = ?", claimed.slotId());
            }
            String front = String.join(" ", jdbc.queryForList("""
                    explain (analyze, buffers, costs off, timing off, summary off)
                    select id from review_slot where state = 'open' order by priority desc, requested_at, id limit 1""",
                    String.class));
            int buffers = Integer.parseInt(front.replaceAll("(?s).*?Buffers: shared hit=(\\d+).*", "$1"));
            assertThat(buffers).as("buffers read to find the first open slot after 300 claims: " + front)
                    .isLessThan(20);
        } finally {
            jdbc.execute("alter table review_slot reset (autovacuum_enabled)");
        }
    }

    /**
     * The claim decides who may review inside its one statement (V23's eligible_experts): a profile switched off or
     * unverified after sign-in is refused with 403 and takes nothing, while the queue still has work for others.
     */
    @Test
    void an_inactive_or_unverified_expert_is_refused_and_claims_nothing() {
        String spec = spec();
        String topic = privateTopic(spec);
        UUID queryId = UUID.randomUUID();
        assertThat(api.post("/api/v1/review-requests", key, InboxFixtures.request(queryId, topic, 1).toString()).status())
                .isEqualTo(201);
        for (String switchedOff : List.of("is_active = false", "is_verified = false")) {
            TestUsers.Created expert = InboxFixtures.expert(users, jdbc, spec);
            String token = api.token(expert.email(), TestUsers.PASSWORD);
            jdbc.update("update expert_profiles set " + switchedOff + " where user_id = ?", expert.id());

            assertThat(api.post("/api/v1/review-requests/claim", token, "").status()).as(switchedOff).isEqualTo(403);
            assertThat(jdbc.queryForObject("""
                    select count(*) from review_slot s join expert_profiles e on e.id = s.expert_id where e.user_id = ?""",
                    Integer.class, expert.id())).as(switchedOff + ": nothing claimed").isZero();
        }
        String able = api.token(InboxFixtures.expert(users, jdbc, spec.toUpperCase(java.util.Locale.ROOT)).email(),
                TestUsers.PASSWORD);
        assertThat(claimUntil(able, queryId.toString())).as("still there for an active, verified specialist (any case)")
                .isNotNull();
    }

    @Test
    void an_iva_request_goes_to_the_iva_specialist_and_not_to_the_labour_law_expert() {
        UUID queryId = UUID.randomUUID();
        ObjectNode body = InboxFixtures.request(queryId, "iva", 1);
        body.put("priority", 100);
        assertThat(api.post("/api/v1/review-requests", key, body.toString()).status()).isEqualTo(201);

        String labour = api.token(InboxFixtures.expert(users, jdbc, "Lavoro").email(), TestUsers.PASSWORD);
        assertThat(claimUntil(labour, queryId.toString())).as("never offered to the labour-law expert").isNull();

        String iva = api.token(InboxFixtures.expert(users, jdbc, "IVA").email(), TestUsers.PASSWORD);
        assertThat(claimUntil(iva, queryId.toString())).as("offered to the IVA specialist").isNotNull();
    }

    @Test
    void two_reviews_are_blind_until_both_are_in_and_the_server_measures_the_time() {
        String spec = spec();
        String topic = privateTopic(spec);
        UUID queryId = UUID.randomUUID();
        ObjectNode body = InboxFixtures.request(queryId, topic, 2);
        body.put("required_reviews", 2);
        JsonNode created = api.post("/api/v1/review-requests", key, body.toString()).json();
        String requestId = created.get("id").asString();

        TestUsers.Created first = InboxFixtures.expert(users, jdbc, spec);
        String firstToken = api.token(first.email(), TestUsers.PASSWORD);
        JsonNode firstClaim = claimUntil(firstToken, queryId.toString());
        assertThat(firstClaim.get("lease_expires_at").isNull()).isFalse();
        // Ten minutes of work, as the server sees it; the expert types 5,000 seconds.
        jdbc.update("update review_slot set claimed_at = claimed_at - interval '600 seconds' where id = ?::uuid",
                firstClaim.get("slot_id").asString());
        Api.Response submitted = api.post("/api/v1/expert-feedback/submit", firstToken,
                InboxFixtures.verdict(queryId.toString(), firstClaim.get("query_text").asString(),
                        firstClaim.get("original_answer").asString(), 5000).toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String firstFeedback = submitted.json().get("feedback_id").asString();
        Integer stored = jdbc.queryForObject("select time_spent_seconds from expert_feedback where id = ?::uuid",
                Integer.class, firstFeedback);
        assertThat(stored).isBetween(600, 660);
        assertThat(jdbc.queryForObject("select average_response_time_seconds from expert_profiles where user_id = ?",
                Integer.class, first.id())).as("trust's responsiveness reads the measured time").isEqualTo(stored);

        // The second reviewer gets the request without any trace of the first verdict.
        String secondToken = api.token(InboxFixtures.expert(users, jdbc, spec).email(), TestUsers.PASSWORD);
        JsonNode secondClaim = claimUntil(secondToken, queryId.toString());
        assertThat(secondClaim.toString()).doesNotContain(firstFeedback).doesNotContain("feedback_type")
                .doesNotContain("correct");
        JsonNode midway = find(requestId);
        assertThat(midway.get("status").asString()).isEqualTo("in_review");
        assertThat(midway.get("reviews_done").asInt()).isEqualTo(1);
        assertThat(midway.get("reviews")).as("blind until all are in").isEmpty();
        // The first expert is not offered it again.
        assertThat(claimUntil(firstToken, queryId.toString())).isNull();

        // Five hours with the form open count as the cap (one hour).
        jdbc.update("update review_slot set claimed_at = claimed_at - interval '5 hours' where id = ?::uuid",
                secondClaim.get("slot_id").asString());
        Api.Response second = api.post("/api/v1/expert-feedback/submit", secondToken,
                InboxFixtures.verdict(queryId.toString(), secondClaim.get("query_text").asString(),
                        secondClaim.get("original_answer").asString(), 30).toString());
        assertThat(second.status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select time_spent_seconds from expert_feedback where id = ?::uuid",
                Integer.class, second.json().get("feedback_id").asString())).isEqualTo(3600);

        JsonNode done = find(requestId);
        assertThat(done.get("status").asString()).isEqualTo("done");
        Set<String> feedbackIds = new HashSet<>();
        done.get("reviews").forEach(review -> feedbackIds.add(review.get("feedback_id").asString()));
        assertThat(feedbackIds).containsExactlyInAnyOrder(firstFeedback, second.json().get("feedback_id").asString());
    }

    @Test
    void an_identical_retry_of_an_inbox_submission_is_replayed_and_a_changed_one_is_a_conflict() {
        String spec = spec();
        UUID queryId = UUID.randomUUID();
        api.post("/api/v1/review-requests", key, InboxFixtures.request(queryId, privateTopic(spec), 4).toString());
        String token = api.token(InboxFixtures.expert(users, jdbc, spec).email(), TestUsers.PASSWORD);
        JsonNode claimed = claimUntil(token, queryId.toString());
        // The server measures ten minutes; the client typed 45 seconds, so the stored time differs from the body's.
        jdbc.update("update review_slot set claimed_at = claimed_at - interval '600 seconds' where id = ?::uuid",
                claimed.get("slot_id").asString());
        ObjectNode body = InboxFixtures.verdict(queryId.toString(), claimed.get("query_text").asString(),
                claimed.get("original_answer").asString(), 45);

        Api.Response first = api.post("/api/v1/expert-feedback/submit", token, body.toString());
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String feedbackId = first.json().get("feedback_id").asString();
        assertThat(jdbc.queryForObject("select time_spent_seconds from expert_feedback where id = ?::uuid",
                Integer.class, feedbackId)).isBetween(600, 660);

        Api.Response retry = api.post("/api/v1/expert-feedback/submit", token, body.toString());
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("feedback_id").asString()).isEqualTo(feedbackId);

        ObjectNode changed = body.deepCopy();
        changed.put("feedback_type", "incomplete");
        changed.put("additional_details", "Manca il riferimento alla tabella A, parte II-bis.");
        assertThat(api.post("/api/v1/expert-feedback/submit", token, changed.toString()).status())
                .as("a different verdict on the same query").isEqualTo(409);
        ObjectNode otherTime = body.deepCopy();
        otherTime.put("time_spent_seconds", 46);
        assertThat(api.post("/api/v1/expert-feedback/submit", token, otherTime.toString()).status())
                .as("the typed time never counted for inbox work").isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from expert_feedback where query_id = ?::uuid", Long.class,
                queryId.toString())).isEqualTo(1L);
    }

    @Test
    void outside_the_inbox_a_different_typed_time_is_still_a_conflict() {
        TestUsers.Created expert = InboxFixtures.expert(users, jdbc, spec());
        String token = api.token(expert.email(), TestUsers.PASSWORD);
        UUID queryId = UUID.randomUUID();
        ObjectNode body = InboxFixtures.verdict(queryId.toString(), "Come si applica il reverse charge in edilizia?",
                "Si applica alle prestazioni di subappalto nel settore edile.", 45);
        assertThat(api.post("/api/v1/expert-feedback/submit", token, body.toString()).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/expert-feedback/submit", token, body.toString()).status()).isEqualTo(200);
        body.put("time_spent_seconds", 46);
        assertThat(api.post("/api/v1/expert-feedback/submit", token, body.toString()).status()).isEqualTo(409);
    }

    @Test
    void release_and_skip_over_rest_behave_as_the_form() {
        String spec = spec();
        String topic = privateTopic(spec);
        UUID queryId = UUID.randomUUID();
        api.post("/api/v1/review-requests", key, InboxFixtures.request(queryId, topic, 3).toString());
        String token = api.token(InboxFixtures.expert(users, jdbc, spec).email(), TestUsers.PASSWORD);
        JsonNode claimed = claimUntil(token, queryId.toString());
        String requestId = claimed.get("request_id").asString();

        assertThat(api.post("/api/v1/review-requests/" + requestId + "/release", token, "").status()).isEqualTo(204);
        assertThat(api.post("/api/v1/review-requests/" + requestId + "/release", token, "").status())
                .as("nothing held any more").isEqualTo(404);
        JsonNode again = claimUntil(token, queryId.toString());
        assertThat(again).as("a released request comes back").isNotNull();
        assertThat(api.post("/api/v1/review-requests/" + requestId + "/skip", token, "{\"reason\":\"bored\"}").status())
                .isEqualTo(422);
        assertThat(api.post("/api/v1/review-requests/" + requestId + "/skip", token,
                "{\"reason\":\"outside_competence\",\"note\":\"Non tratto IVA\"}").status()).isEqualTo(204);
        assertThat(claimUntil(token, queryId.toString())).as("a skipped request is not offered again").isNull();
        JsonNode status = find(requestId);
        assertThat(status.get("status").asString()).isEqualTo("open");
        assertThat(status.get("skips").get(0).get("reason").asString()).isEqualTo("outside_competence");
    }

    private JsonNode find(String requestId) {
        for (int offset = 0; ; offset += 500) {
            JsonNode page = api.get("/api/v1/review-requests?limit=500&offset=" + offset, key).json();
            for (JsonNode item : page.get("items")) {
                if (item.get("id").asString().equals(requestId)) {
                    return item;
                }
            }
            if (page.get("items").size() < 500) {
                throw new AssertionError("request " + requestId + " not listed");
            }
        }
    }
}
