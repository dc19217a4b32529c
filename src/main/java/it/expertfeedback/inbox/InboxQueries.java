package it.expertfeedback.inbox;

import it.expertfeedback.base.sql.Where;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * All of the inbox's SQL (tables of V18). Claiming is one statement: the best available slot, locked with
 * {@code FOR UPDATE SKIP LOCKED} so 32 experts claiming at once each get a different one without waiting, and taken
 * in the same statement. Experts' names come from expert's published {@code expert_names}, judged queries from
 * feedback's {@code feedback_judged_queries}.
 */
@Component
class InboxQueries {

    /** Derived status of a request: what the assistant's listing and the health view show. */
    private static final String STATUS = """
            case when r.status in ('done', 'cancelled') then r.status
                 when exists (select 1 from review_slot x where x.request_id = r.id
                              and (x.state = 'done' or (x.state = 'claimed' and x.lease_expires_at > :now))) then 'in_review'
                 when r.due_by is not null and r.due_by < :now then 'expired'
                 else 'open' end""";

    private static final TypeReference<List<ContextTurn>> TURNS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    InboxQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- creating -------------------------------------------------------------------------------------------

    /**
     * Inserts the request and its slots in one statement (a data-modifying WITH runs once whether read or not);
     * empty when a request with this query_id exists already.
     */
    Optional<UUID> insert(ReviewRequestDraft d, String[] routing, Instant now) {
        return jdbc.sql("""
                with r as (
                    insert into review_request (query_id, query_text, original_answer, topic, tags, context, model,
                                                answered_at, reason, priority, required_reviews, due_by, routing,
                                                content_hash, created_at, updated_at)
                    values (:queryId, :queryText, :answer, :topic, cast(:tags as text[]), cast(:context as jsonb), :model,
                            :answeredAt, :reason, :priority, :required, :dueBy, cast(:routing as text[]), :hash, :now, :now)
                    on conflict (query_id) do nothing
                    returning id, query_id, priority, created_at, routing, required_reviews),
                slots as (
                    insert into review_slot (request_id, slot_no, query_id, priority, requested_at, routing)
                    select r.id, g, r.query_id, r.priority, r.created_at, r.routing
                    from r, generate_series(1, r.required_reviews) g)
                select id from r""")
                .param("queryId", d.queryId()).param("queryText", d.queryText()).param("answer", d.originalAnswer())
                .param("topic", d.topic()).param("tags", d.tags().toArray(String[]::new))
                .param("context", json.writeValueAsString(d.context())).param("model", d.model())
                .param("answeredAt", ts(d.answeredAt())).param("reason", d.reason()).param("priority", d.priority())
                .param("required", d.requiredReviews()).param("dueBy", ts(d.dueBy())).param("routing", routing)
                .param("hash", d.contentHash()).param("now", ts(now))
                .query(UUID.class).optional();
    }

    record Existing(UUID id, String contentHash) {
    }

    Optional<Existing> findByQueryId(UUID queryId) {
        return jdbc.sql("select id, content_hash from review_request where query_id = :q").param("q", queryId)
                .query((rs, n) -> new Existing(rs.getObject("id", UUID.class), rs.getString("content_hash"))).optional();
    }

    // ---- listing --------------------------------------------------------------------------------------------

    List<ReviewRequestItem> list(String status, Instant updatedSince, Instant now, long offset, int limit) {
        Where where = Where.where()
                .andIfPresent(status, "status = :status", "status")
                .andIfPresent(updatedSince, "updated_at > :since", "since", InboxQueries::ts);
        List<ReviewRequestItem> items = jdbc.sql("select * from (select r.id, r.query_id, " + STATUS + """
                 as status, r.topic, r.tags, r.priority, r.required_reviews,
                       (select count(*) from review_slot d where d.request_id = r.id and d.state = 'done') as reviews_done,
                       r.reason, r.created_at, r.updated_at, r.due_by
                from review_request r) listed""" + where.sql() + " order by updated_at, id offset :offset limit :limit")
                .params(where.params()).param("now", ts(now)).param("offset", offset).param("limit", limit)
                .query(this::item).list();
        if (items.isEmpty()) {
            return items;
        }
        List<UUID> ids = items.stream().map(ReviewRequestItem::id).toList();
        Map<UUID, List<ReviewOutcome>> outcomes = new LinkedHashMap<>();
        jdbc.sql("""
                select request_id, feedback_id, feedback_type, faq_candidate_id, completed_at from review_slot
                where request_id in (:ids) and state = 'done' order by completed_at, slot_no""")
                .param("ids", ids).query(rs -> {
                    outcomes.computeIfAbsent(rs.getObject("request_id", UUID.class), k -> new java.util.ArrayList<>())
                            .add(new ReviewOutcome(rs.getObject("feedback_id", UUID.class), rs.getString("feedback_type"),
                                    rs.getObject("faq_candidate_id", UUID.class), instant(rs.getTimestamp("completed_at"))));
                });
        Map<UUID, List<SkipInfo>> skips = new LinkedHashMap<>();
        jdbc.sql("select request_id, reason, skipped_at from review_skip where request_id in (:ids) order by skipped_at")
                .param("ids", ids).query(rs -> {
                    skips.computeIfAbsent(rs.getObject("request_id", UUID.class), k -> new java.util.ArrayList<>())
                            .add(new SkipInfo(rs.getString("reason"), instant(rs.getTimestamp("skipped_at"))));
                });
        return items.stream().map(i -> i.withDetails(outcomes.getOrDefault(i.id(), List.of()),
                skips.getOrDefault(i.id(), List.of()))).toList();
    }

    Optional<ReviewRequestItem> find(UUID id, Instant now) {
        return jdbc.sql("select r.id, r.query_id, " + STATUS + """
                 as status, r.topic, r.tags, r.priority, r.required_reviews,
                       (select count(*) from review_slot d where d.request_id = r.id and d.state = 'done') as reviews_done,
                       r.reason, r.created_at, r.updated_at, r.due_by
                from review_request r where r.id = :id""").param("id", id).param("now", ts(now))
                .query(this::item).optional();
    }

    private ReviewRequestItem item(ResultSet rs, int n) throws SQLException {
        return new ReviewRequestItem(rs.getObject("id", UUID.class), rs.getObject("query_id", UUID.class),
                rs.getString("status"), rs.getString("topic"), strings(rs.getArray("tags")), rs.getInt("priority"),
                rs.getInt("required_reviews"), rs.getInt("reviews_done"), rs.getString("reason"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("due_by")), List.of(), List.of());
    }

    // ---- claiming -------------------------------------------------------------------------------------------

    /**
     * What makes slot {@code s} one the expert in {@code me} may take: a reviewer at all, routed to one of their
     * specializations (or to everybody), a request they hold no slot of, have not skipped, whose query they have not
     * judged. Each "not exists" is kept a probe of the candidate row by {@code offset 0} (see {@link #claim}).
     */
    private static final String MINE_TO_TAKE = """
            exists (select 1 from me)
                      and (s.routing = '{}' or s.routing && (select specializations from me))
                      and not exists (select 1 from review_slot mine where mine.request_id = s.request_id
                                      and mine.expert_id = (select expert_id from me) offset 0)
                      and not exists (select 1 from review_skip k where k.request_id = s.request_id
                                      and k.expert_id = (select expert_id from me) offset 0)
                      and not exists (select 1 from feedback_judged_queries f where f.expert_id = (select expert_id from me)
                                      and f.query_id = s.query_id offset 0)""";

    /**
     * The claim, around the choice of the slot ({@code next}): who the claimer is (a reviewer now, or no row), the
     * lease's asynchronous commit, taking the slot, and the request's texts — one statement, one round trip.
     */
    private static final String CLAIM = """
                with me as materialized (
                    select expert_id, specializations from eligible_experts where user_id = :user limit 1),
                lease_only as materialized (select set_config('synchronous_commit', 'off', true)),
                %s
                taken as (
                    update review_slot s set state = 'claimed', expert_id = (select expert_id from me), claimed_at = :now,
                        lease_expires_at = :lease
                    from next where s.id = next.id
                    returning s.id, s.request_id, s.claimed_at, s.lease_expires_at)
                select r.id as request_id, t.id as slot_id, r.query_id, r.query_text, r.original_answer, r.topic, r.tags,
                       r.context, r.model, r.answered_at, r.priority, r.required_reviews, r.due_by, t.claimed_at,
                       t.lease_expires_at
                from lease_only, taken t join review_request r on r.id = t.request_id""";

    /** While no lease can have run out (LeaseExpiries): the first open slot the claimer may take. */
    private static final String CLAIM_OPEN = CLAIM.formatted("""
                next as (
                    select s.id from review_slot s
                    where s.state = 'open' and %s
                    order by s.priority desc, s.requested_at, s.id
                    limit 1
                    for update skip locked),""".formatted(MINE_TO_TAKE));

    /** When a lease may have run out: the better of the first open slot and the first expired lease. */
    private static final String CLAIM_OPEN_OR_EXPIRED = CLAIM.formatted("""
                open_slot as (
                    select s.id, s.priority, s.requested_at from review_slot s
                    where s.state = 'open' and %1$s
                    order by s.priority desc, s.requested_at, s.id
                    limit 1
                    for update skip locked),
                expired_lease as (
                    select s.id, s.priority, s.requested_at from review_slot s
                    where s.state = 'claimed' and s.lease_expires_at < :now and %1$s
                    order by s.priority desc, s.requested_at, s.id
                    limit 1
                    for update skip locked),
                next as (
                    select c.id from (select * from open_slot union all select * from expired_lease) c
                    order by c.priority desc, c.requested_at, c.id
                    limit 1),""".formatted(MINE_TO_TAKE));

    /**
     * Takes, for the signed-in user if they may review (active and verified: the expert feature's
     * {@code eligible_experts}), the highest-priority, oldest slot they may take: open or — when
     * {@code leasesMayHaveExpired} — with an expired lease, routed to one of their specializations (or to everybody),
     * of a request they hold no slot of, have not skipped and whose query they have not judged. Rows other claimers
     * hold locked are skipped, never waited for.
     * <p>One statement, one round trip, its own transaction (DD015): who the expert is, the claim, and the lease's
     * asynchronous commit ({@code set_config(..., true)} lasts until this statement's commit). Empty when the user may
     * not review or nothing is left — the service tells the two apart only on that slow path.
     * <p>{@code offset 0} keeps each "not exists" a probe of the candidate row's own (request, expert) or query: without
     * it the cached plan, made when the expert held no slot, anti-joined against all of the expert's slots at once,
     * read through the second column of {@code uq_review_slot_expert} — a scan that grew with every claim and was
     * repeated for every locked row a claimer skips (at 100×, 32 at once: p95 15.0 → see docs/PERFORMANCE.md).
     * <p>Open slots and expired leases are read along two indexes (V25) and, when both are read, the better of the
     * two first rows taken: a claim then never writes into the index it reads — the claimed version of the row is not
     * an open slot — so the entries it leaves dead at the queue's front are marked dead by the next claimer that
     * passes them and skipped from then on without a visit to the table. With one index over both states every claim
     * added the claimed version at the front, each claimer's own write moved the page under it, the marks were never
     * set and every claim walked the table for every dead entry since the last vacuum (the 1,000 V24 lets pile up).
     * Both first rows are locked; the one not taken is free again at this statement's commit. Reading the expired
     * leases only when one may have run out (DD016) spares the claim that second scan, its probes and its share of
     * the executor's start-up and of re-planning.
     */
    Optional<ClaimedRequest> claim(int userId, Instant now, Duration lease, boolean leasesMayHaveExpired) {
        return jdbc.sql(leasesMayHaveExpired ? CLAIM_OPEN_OR_EXPIRED : CLAIM_OPEN)
                .param("user", userId).param("now", ts(now)).param("lease", ts(now.plus(lease)))
                .query(this::claimedRow).optional();
    }

    /**
     * A renewal, like a claim, is a lease, not acknowledged work (DD015): its transaction commits without waiting
     * for the WAL to reach the disk. If the database crashes within the WAL writer's delay the lease is forgotten
     * and the slot offered again; the expert's submission is still accepted (InboxClaimedReviews) and stays durable.
     * Only this transaction is affected ({@code SET LOCAL}).
     */
    private void leaseOnly() {
        jdbc.sql("set local synchronous_commit = off").update();
    }

    /** The earliest end of a live or expired lease (empty when no slot is claimed): LeaseExpiries' look. */
    Optional<Instant> earliestLease() {
        return jdbc.sql("""
                select lease_expires_at from review_slot where state = 'claimed' order by lease_expires_at limit 1""")
                .query((rs, n) -> instant(rs.getTimestamp(1))).optional();
    }

    /** How many requests this expert could take now (the navigation's count), counted up to {@code cap}. */
    long available(UUID expertId, String[] specializations, Instant now, int cap) {
        return jdbc.sql("""
                select count(*) from (
                    select distinct s.request_id from review_slot s
                    where (s.state = 'open' or (s.state = 'claimed' and s.lease_expires_at < :now))
                      and (s.routing = '{}' or s.routing && cast(:specs as text[]))
                      and not exists (select 1 from review_slot mine where mine.request_id = s.request_id
                                      and mine.expert_id = :expert offset 0)
                      and not exists (select 1 from review_skip k where k.request_id = s.request_id
                                      and k.expert_id = :expert offset 0)
                      and not exists (select 1 from feedback_judged_queries f where f.expert_id = :expert
                                      and f.query_id = s.query_id offset 0)
                    limit :cap) available""")
                .param("now", ts(now)).param("specs", specializations).param("expert", expertId).param("cap", cap)
                .query(Long.class).single();
    }

    /** The expert's live claims, oldest first. */
    List<ClaimedRequest> claimsOf(UUID expertId, Instant now) {
        return jdbc.sql("""
                select r.id as request_id, s.id as slot_id, r.query_id, r.query_text, r.original_answer, r.topic, r.tags,
                       r.context, r.model, r.answered_at, r.priority, r.required_reviews, r.due_by, s.claimed_at,
                       s.lease_expires_at
                from review_slot s join review_request r on r.id = s.request_id
                where s.expert_id = :expert and s.state = 'claimed' and s.lease_expires_at > :now
                order by s.claimed_at""")
                .param("expert", expertId).param("now", ts(now)).query(this::claimedRow).list();
    }

    private ClaimedRequest claimedRow(ResultSet rs, int n) throws SQLException {
        return new ClaimedRequest(rs.getObject("request_id", UUID.class), rs.getObject("slot_id", UUID.class),
                rs.getObject("query_id", UUID.class), rs.getString("query_text"), rs.getString("original_answer"),
                rs.getString("topic"), strings(rs.getArray("tags")), json.readValue(rs.getString("context"), TURNS),
                rs.getString("model"), instant(rs.getTimestamp("answered_at")), rs.getInt("priority"),
                rs.getInt("required_reviews"), instant(rs.getTimestamp("due_by")), instant(rs.getTimestamp("claimed_at")),
                instant(rs.getTimestamp("lease_expires_at")));
    }

    boolean renew(UUID requestId, UUID expertId, Instant leaseUntil) {
        leaseOnly();
        return jdbc.sql("""
                update review_slot set lease_expires_at = :lease
                where request_id = :request and expert_id = :expert and state = 'claimed'""")
                .param("request", requestId).param("expert", expertId).param("lease", ts(leaseUntil)).update() == 1;
    }

    /** Gives the expert's claim on the request back to the pool; false when they hold none. */
    boolean release(UUID requestId, UUID expertId) {
        return jdbc.sql("""
                update review_slot set state = 'open', expert_id = null, claimed_at = null, lease_expires_at = null
                where request_id = :request and expert_id = :expert and state = 'claimed'""")
                .param("request", requestId).param("expert", expertId).update() == 1;
    }

    /** A reviewer frees a stuck claim; returns the request it belonged to. */
    Optional<UUID> releaseSlot(UUID slotId) {
        return jdbc.sql("""
                update review_slot set state = 'open', expert_id = null, claimed_at = null, lease_expires_at = null
                where id = :slot and state = 'claimed' returning request_id""")
                .param("slot", slotId).query(UUID.class).optional();
    }

    void insertSkip(UUID requestId, UUID expertId, String reason, String note, Instant now) {
        jdbc.sql("""
                insert into review_skip (request_id, expert_id, reason, note, skipped_at)
                values (:request, :expert, :reason, :note, :now)
                on conflict (request_id, expert_id) do update set reason = excluded.reason, note = excluded.note,
                    skipped_at = excluded.skipped_at""")
                .param("request", requestId).param("expert", expertId).param("reason", reason).param("note", note)
                .param("now", ts(now)).update();
    }

    /** Claim time of the expert's claim on this query, locked for the submission that completes it. */
    Optional<Instant> claimedAt(UUID expertId, UUID queryId) {
        return jdbc.sql("""
                select claimed_at from review_slot where query_id = :query and expert_id = :expert and state = 'claimed'
                for update""")
                .param("query", queryId).param("expert", expertId)
                .query((rs, n) -> rs.getTimestamp("claimed_at").toInstant()).optional();
    }

    /** Marks the expert's claimed slot done; returns its request. */
    Optional<UUID> complete(UUID expertId, UUID queryId, UUID feedbackId, String feedbackType, UUID candidateId,
                            Instant now, long capSeconds) {
        return jdbc.sql("""
                update review_slot set state = 'done', feedback_id = :feedback, feedback_type = :type,
                    faq_candidate_id = :candidate, completed_at = :now, lease_expires_at = null,
                    measured_seconds = least(:cap, greatest(1, cast(extract(epoch from (cast(:now as timestamptz) - claimed_at)) as integer)))
                where query_id = :query and expert_id = :expert and state = 'claimed'
                returning request_id""")
                .param("feedback", feedbackId).param("type", feedbackType).param("candidate", candidateId)
                .param("now", ts(now)).param("query", queryId).param("expert", expertId).param("cap", capSeconds)
                .query(UUID.class).optional();
    }

    /** Whether the expert's review slot was completed by this feedback (its time is the server's measure). */
    boolean completedWithFeedback(UUID expertId, UUID feedbackId) {
        return jdbc.sql("""
                select exists (select 1 from review_slot where expert_id = :expert and state = 'done'
                               and feedback_id = :feedback)""")
                .param("expert", expertId).param("feedback", feedbackId).query(Boolean.class).single();
    }

    /**
     * Done once every slot is done; the request's updated_at moves either way (the assistant's sync), and the time of
     * its first verdict is kept once there is one (analytics' median, V21); a multi-review request completed with
     * differing verdicts becomes a disagreement to settle.
     */
    void touch(UUID requestId, Instant now) {
        jdbc.sql("""
                update review_request r set updated_at = :now,
                    first_verdict_at = coalesce(r.first_verdict_at, (select min(v.completed_at) from review_slot v
                                                where v.request_id = r.id and v.state = 'done')),
                    disagreement = case when r.status = 'open' and r.required_reviews > 1
                                       and not exists (select 1 from review_slot s where s.request_id = r.id and s.state <> 'done')
                                       and (select count(distinct d.feedback_type) from review_slot d
                                            where d.request_id = r.id and d.state = 'done') > 1
                                   then 'open' else r.disagreement end,
                    status = case when r.status = 'open' and not exists (select 1 from review_slot s
                                       where s.request_id = r.id and s.state <> 'done') then 'done' else r.status end,
                    completed_at = case when r.status = 'open' and not exists (select 1 from review_slot s
                                       where s.request_id = r.id and s.state <> 'done') then :now else r.completed_at end
                where r.id = :id""").param("id", requestId).param("now", ts(now)).update();
    }

    boolean cancel(UUID requestId, Instant now) {
        int changed = jdbc.sql("""
                update review_request set status = 'cancelled', cancelled_at = :now, updated_at = :now
                where id = :id and status = 'open'""").param("id", requestId).param("now", ts(now)).update();
        jdbc.sql("""
                update review_slot set state = 'cancelled', lease_expires_at = null
                where request_id = :id and state in ('open', 'claimed')""").param("id", requestId).update();
        return changed == 1;
    }

    boolean exists(UUID requestId) {
        return jdbc.sql("select count(*) from review_request where id = :id").param("id", requestId)
                .query(Long.class).single() > 0;
    }

    // ---- routing map ----------------------------------------------------------------------------------------

    Map<String, List<String>> routes() {
        Map<String, List<String>> routes = new LinkedHashMap<>();
        jdbc.sql("select topic, specializations from inbox_topic_route order by topic")
                .query(rs -> {
                    routes.put(rs.getString("topic"), strings(rs.getArray("specializations")));
                });
        return routes;
    }

    void saveRoute(String topic, String[] specializations, Instant now) {
        jdbc.sql("""
                insert into inbox_topic_route (topic, specializations, updated_at)
                values (:topic, cast(:specs as text[]), :now)
                on conflict (topic) do update set specializations = excluded.specializations, updated_at = excluded.updated_at""")
                .param("topic", topic).param("specs", specializations).param("now", ts(now)).update();
    }

    void deleteRoute(String topic) {
        jdbc.sql("delete from inbox_topic_route where topic = :topic").param("topic", topic).update();
    }

    /** After a map edit, open requests follow the new map (their slots too). */
    void reroute(String topicOrTag) {
        jdbc.sql("""
                with changed as (
                    update review_request r set routing = coalesce((
                        select array_agg(distinct lower(s) order by lower(s)) from inbox_topic_route t, unnest(t.specializations) s
                        where t.topic = r.topic or t.topic = any(r.tags)), '{}')
                    where r.status = 'open' and (r.topic = :key or :key = any(r.tags))
                    returning r.id, r.routing)
                update review_slot s set routing = changed.routing from changed
                where s.request_id = changed.id and s.state in ('open', 'claimed')""").param("key", topicOrTag).update();
    }

    // ---- health ---------------------------------------------------------------------------------------------

    Map<String, Long> countByStatus(Instant now) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) as n from (select " + STATUS + " as status from review_request r) s group by status")
                .param("now", ts(now)).query(rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        return counts;
    }

    long overdue(Instant now) {
        return jdbc.sql("select count(*) from review_request where status = 'open' and due_by < :now")
                .param("now", ts(now)).query(Long.class).single();
    }

    Map<String, Long> openByTopic() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select coalesce(topic, '-') as topic, count(*) as n from review_request where status = 'open'
                group by 1 order by 2 desc, 1""").query(rs -> {
                    counts.put(rs.getString("topic"), rs.getLong("n"));
                });
        return counts;
    }

    Map<String, Long> openByAge(Instant now) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select case when created_at > cast(:now as timestamptz) - interval '1 day' then 'lt_1d'
                            when created_at > cast(:now as timestamptz) - interval '7 days' then '1d_7d' else 'gt_7d' end as age,
                       count(*) as n
                from review_request where status = 'open' group by 1""").param("now", ts(now)).query(rs -> {
                    counts.put(rs.getString("age"), rs.getLong("n"));
                });
        return counts;
    }

    List<InboxHealth.Workload> workload(Instant now) {
        return jdbc.sql("""
                select s.expert_id, e.display_name,
                       count(*) filter (where s.state = 'claimed' and s.lease_expires_at > :now) as claimed,
                       count(*) filter (where s.state = 'done' and s.completed_at > cast(:now as timestamptz) - interval '7 days') as done
                from review_slot s join expert_names e on e.expert_id = s.expert_id
                where s.expert_id is not null
                group by s.expert_id, e.display_name order by claimed desc, done desc, e.display_name limit 100""")
                .param("now", ts(now))
                .query((rs, n) -> new InboxHealth.Workload(rs.getObject("expert_id", UUID.class),
                        rs.getString("display_name"), rs.getLong("claimed"), rs.getLong("done"))).list();
    }

    List<InboxHealth.ActiveClaim> activeClaims() {
        return jdbc.sql("""
                select s.id, s.request_id, r.query_text, e.display_name, s.claimed_at, s.lease_expires_at
                from review_slot s join review_request r on r.id = s.request_id
                join expert_names e on e.expert_id = s.expert_id
                where s.state = 'claimed' order by s.claimed_at limit 200""")
                .query((rs, n) -> new InboxHealth.ActiveClaim(rs.getObject("id", UUID.class),
                        rs.getObject("request_id", UUID.class), rs.getString("query_text"), rs.getString("display_name"),
                        instant(rs.getTimestamp("claimed_at")), instant(rs.getTimestamp("lease_expires_at")))).list();
    }

    /** Requests received and reviews done per Italian day, the last {@code days} days, oldest first. */
    List<InboxHealth.DailyFlow> flow(Instant now, int days) {
        return jdbc.sql("""
                with d as (select generate_series(cast((cast(:now as timestamptz) at time zone 'Europe/Rome') as date) - :days + 1,
                                                  cast((cast(:now as timestamptz) at time zone 'Europe/Rome') as date),
                                                  interval '1 day')::date as day)
                select d.day,
                       (select count(*) from review_request r where (r.created_at at time zone 'Europe/Rome')::date = d.day) as received,
                       (select count(*) from review_slot s where s.state = 'done'
                          and (s.completed_at at time zone 'Europe/Rome')::date = d.day) as judged
                from d order by d.day""")
                .param("now", ts(now)).param("days", days)
                .query((rs, n) -> new InboxHealth.DailyFlow(rs.getObject("day", java.time.LocalDate.class),
                        rs.getLong("received"), rs.getLong("judged"))).list();
    }

    /**
     * Median seconds from a request's arrival to its first verdict, over requests received since {@code since};
     * empty when none has a verdict yet (the aggregate is then NULL, which {@code single()} refuses).
     */
    Optional<Long> medianSecondsToFirstVerdict(Instant since) {
        return jdbc.sql("""
                select cast(percentile_cont(0.5) within group (order by extract(epoch from (f.first_done - r.created_at)))
                            as bigint)
                from review_request r
                join (select request_id, min(completed_at) as first_done from review_slot where state = 'done'
                      group by request_id) f on f.request_id = r.id
                where r.created_at >= :since""").param("since", ts(since)).query(Long.class).list().stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** Verdicts side by side of done requests with several reviews, newest first (blind no more). */
    List<MultiReview> multiReviews(int limit) {
        return jdbc.sql("""
                select r.id, r.query_text, r.topic, array_agg(s.feedback_type order by s.completed_at, s.slot_no) as verdicts,
                       array_agg(e.display_name order by s.completed_at, s.slot_no) as experts,
                       array_agg(cast(s.feedback_id as text) order by s.completed_at, s.slot_no) as feedback_ids
                from review_request r join review_slot s on s.request_id = r.id and s.state = 'done'
                join expert_names e on e.expert_id = s.expert_id
                where r.status = 'done' and r.required_reviews > 1
                group by r.id, r.query_text, r.topic, r.completed_at order by r.completed_at desc limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new MultiReview(rs.getObject("id", UUID.class), rs.getString("query_text"),
                        rs.getString("topic"), strings(rs.getArray("verdicts")), strings(rs.getArray("experts")),
                        strings(rs.getArray("feedback_ids")).stream().map(UUID::fromString).toList())).list();
    }

    // ---- disagreements (V21) --------------------------------------------------------------------------------

    /**
     * Completed multi-review requests whose verdicts differ and that nobody settled (kept by {@link #touch}, read along
     * the partial index of V21). A review without its feedback id could not be judged, so it is not offered.
     */
    private static final String DISAGREEMENTS = """
            from review_request r
            where r.disagreement = 'open'
              and not exists (select 1 from review_slot n where n.request_id = r.id and n.state = 'done'
                              and n.feedback_id is null)""";

    long countDisagreements() {
        return jdbc.sql("select count(*) " + DISAGREEMENTS).query(Long.class).single();
    }

    /** Newest completion first, with each request's reviews in the order they came. */
    List<Disagreement> disagreements(long offset, int limit) {
        List<Disagreement> page = jdbc.sql("select r.id, r.query_text, r.original_answer, r.topic, r.completed_at "
                        + DISAGREEMENTS + " order by r.completed_at desc, r.id offset :offset limit :limit")
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> new Disagreement(rs.getObject("id", UUID.class), rs.getString("query_text"),
                        rs.getString("original_answer"), rs.getString("topic"), instant(rs.getTimestamp("completed_at")),
                        List.of())).list();
        return withReviews(page);
    }

    Optional<Disagreement> disagreement(UUID requestId) {
        return withReviews(jdbc.sql("select r.id, r.query_text, r.original_answer, r.topic, r.completed_at "
                        + DISAGREEMENTS + " and r.id = :id").param("id", requestId)
                .query((rs, n) -> new Disagreement(rs.getObject("id", UUID.class), rs.getString("query_text"),
                        rs.getString("original_answer"), rs.getString("topic"), instant(rs.getTimestamp("completed_at")),
                        List.of())).list()).stream().findFirst();
    }

    private List<Disagreement> withReviews(List<Disagreement> page) {
        if (page.isEmpty()) {
            return page;
        }
        Map<UUID, List<Disagreement.Review>> reviews = new LinkedHashMap<>();
        jdbc.sql("""
                select s.request_id, s.feedback_id, s.feedback_type, e.display_name, e.trust_score
                from review_slot s left join expert_names e on e.expert_id = s.expert_id
                where s.request_id in (:ids) and s.state = 'done' order by s.completed_at, s.slot_no""")
                .param("ids", page.stream().map(Disagreement::requestId).toList()).query(rs -> {
                    reviews.computeIfAbsent(rs.getObject("request_id", UUID.class), k -> new java.util.ArrayList<>())
                            .add(new Disagreement.Review(rs.getObject("feedback_id", UUID.class),
                                    rs.getString("feedback_type"), rs.getString("display_name"), rs.getDouble("trust_score")));
                });
        return page.stream().map(d -> new Disagreement(d.requestId(), d.queryText(), d.originalAnswer(), d.topic(),
                d.completedAt(), reviews.getOrDefault(d.requestId(), List.of()))).toList();
    }

    /** Locks the request for settling (two reviewers at once: the second waits, then finds it settled). */
    boolean lockRequest(UUID requestId) {
        return jdbc.sql("select id from review_request where id = :id for update").param("id", requestId)
                .query(UUID.class).optional().isPresent();
    }

    boolean settled(UUID requestId) {
        return jdbc.sql("select exists (select 1 from review_settlement where request_id = :id)").param("id", requestId)
                .query(Boolean.class).single();
    }

    void insertSettlement(UUID requestId, String standingVerdict, Integer settledBy, Instant now, String comment) {
        jdbc.sql("update review_request set disagreement = 'settled', updated_at = :now where id = :id")
                .param("id", requestId).param("now", ts(now)).update();
        jdbc.sql("""
                insert into review_settlement (request_id, standing_verdict, settled_by, settled_at, comment)
                values (:id, :verdict, :by, :now, :comment)""")
                .param("id", requestId).param("verdict", standingVerdict).param("by", settledBy).param("now", ts(now))
                .param("comment", comment).update();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
