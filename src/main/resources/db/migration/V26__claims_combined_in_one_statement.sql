-- The claim becomes a function that serves several experts in one statement (DD015 second amendment, 2026-12-01).
-- The application gathers the experts who ask at the same instant and claims for all of them in one round trip and
-- one transaction, and the claim is made set-wise: the first free slots are locked in one scan (FOR UPDATE SKIP
-- LOCKED, rows other transactions hold are skipped, never waited for, so several application instances stay
-- correct), what the batch's experts may not take among them is read in three lookups (a slot of the request they
-- hold or held, a skip, a judged query), and the slots are handed out in order of arrival: each claimer gets the
-- first candidate routed to them (or to everybody) that they may take and nobody before them took. One update
-- claims them all. The per-statement, per-transaction and per-probe cost is paid once per batch instead of once per
-- claim. A claimer none of the candidates suits (routing, or everything at the front already theirs) is claimed
-- for by the one-expert statement below, which reads on past the candidates: the result is the same as claiming
-- one expert after the other. A single claim is a batch of one.
--
-- p_users in order of arrival (a user may appear twice: two claims, two requests); one row per claim served,
-- numbered by its position in p_users (claim_no, from 1); a claim by a user who may not review (not active and
-- verified: eligible_experts) or for whom nothing is left gets no row. The lease is asynchronous (DD015): the
-- transaction's commit does not wait for the disk.
--
-- In the one-expert statement the rule of what an expert may take is written twice, once for open slots and once
-- for expired leases: the two are read along two partial indexes (V25) and the better first row is taken. Each
-- "not exists" is kept a probe of the candidate row by OFFSET 0 (see InboxQueries): without it the cached plan
-- anti-joins all the expert's slots at once.
CREATE FUNCTION claim_review_slots(p_users INTEGER[], p_now TIMESTAMPTZ, p_lease_until TIMESTAMPTZ)
RETURNS TABLE (claim_no INTEGER, slot_id UUID, request_id UUID, claimed_at TIMESTAMPTZ, lease_expires_at TIMESTAMPTZ)
LANGUAGE plpgsql VOLATILE ROWS 32 AS $fn$
DECLARE
    claims INTEGER := coalesce(cardinality(p_users), 0);
    -- Twice as many candidates as claims: enough that a claimer rarely finds none that suits them (slots routed to
    -- others in the batch, the second slot of a request they hold, a skip) and has to read on alone, few enough to
    -- lock for a moment (each candidate is a row lock, written to the WAL; the unused ones are free at commit).
    wanted INTEGER := 2 * claims + 2;
    claimers eligible_experts[];
    -- Every specialization of the batch: a slot routed to none of them is no candidate.
    batch_specializations TEXT[];
    claimer_experts UUID[];
    -- The expert of each claim (null: may not review), and whether one expert claims twice in the batch.
    claimer_expert UUID[];
    repeated BOOLEAN;
    candidate_slot UUID[];
    candidate_request UUID[];
    candidate_count INTEGER := 0;
    -- Per candidate: open to everybody, its routing (joined by chr(31), which no specialization contains), the
    -- experts it is ruled out for (',id,id,').
    candidate_open BOOLEAN[];
    candidate_routing TEXT[];
    candidate_ruled_out TEXT[];
    -- Per claim: the expert as ',id,', their specializations (joined by chr(31)).
    claimer_key TEXT[];
    claimer_specializations TEXT[];
    taken BOOLEAN[];
    first_free INTEGER;
    candidate_index INTEGER;
    chosen_slot UUID[] := '{}';
    chosen_expert UUID[] := '{}';
    chosen_claim INTEGER[] := '{}';
    left_over INTEGER[] := '{}';
    claimer eligible_experts;
    served BOOLEAN;
    claim_index INTEGER;
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    IF claims = 0 THEN
        RETURN;
    END IF;
    -- Who claims, by claim_no (an element is null when that user may not review).
    -- One lookup per claim: a join with the view would have it compute every expert's specializations.
    SELECT array_agg((SELECT e FROM eligible_experts e WHERE e.user_id = x.u LIMIT 1) ORDER BY x.n)
    INTO claimers FROM unnest(p_users) WITH ORDINALITY AS x(u, n);
    IF NOT EXISTS (SELECT 1 FROM unnest(claimers) c WHERE c.expert_id IS NOT NULL) THEN
        RETURN;
    END IF;
    -- One claimer alone: the one-expert statement straight away (it reads past what is not theirs without locking it).
    IF claims = 1 THEN
        left_over := ARRAY[1];
    ELSE
        SELECT coalesce(array_agg(DISTINCT sp), '{}') INTO batch_specializations
        FROM unnest(claimers) c, unnest(c.specializations) sp;
        SELECT array_agg(x.expert_id ORDER BY x.k), array_agg(',' || x.expert_id::text || ',' ORDER BY x.k),
               array_agg(array_to_string(x.specializations, chr(31)) ORDER BY x.k),
               array_agg(DISTINCT x.expert_id) FILTER (WHERE x.expert_id IS NOT NULL),
               count(x.expert_id) > count(DISTINCT x.expert_id)
        INTO claimer_expert, claimer_key, claimer_specializations, claimer_experts, repeated
        FROM unnest(claimers) WITH ORDINALITY AS x(expert_id, user_id, specializations, k);
        -- The first free slots routed to the batch, open or with an expired lease, in queue order (locked until this
        -- statement commits), and the experts of the batch each is ruled out for (a slot of the request they hold or
        -- held, a skip, a judged query). The rulings are looked up per candidate (LATERAL ... OFFSET 0): the planner
        -- would otherwise read all of the batch's experts' slots and feedback, which grow with every review they do.
        WITH open_slot AS (
            SELECT s.id, s.request_id, s.query_id, s.routing, s.priority, s.requested_at FROM review_slot s
            WHERE s.state = 'open' AND (s.routing = '{}' OR s.routing && batch_specializations)
            ORDER BY s.priority DESC, s.requested_at, s.id
            LIMIT wanted
            FOR UPDATE SKIP LOCKED),
        expired_lease AS (
            SELECT s.id, s.request_id, s.query_id, s.routing, s.priority, s.requested_at FROM review_slot s
            WHERE s.state = 'claimed' AND s.lease_expires_at < p_now
              AND (s.routing = '{}' OR s.routing && batch_specializations)
            ORDER BY s.priority DESC, s.requested_at, s.id
            LIMIT wanted
            FOR UPDATE SKIP LOCKED),
        candidate AS MATERIALIZED (
            SELECT row_number() OVER (ORDER BY u.priority DESC, u.requested_at, u.id) AS j, u.*
            FROM (SELECT * FROM open_slot UNION ALL SELECT * FROM expired_lease) u),
        ruled_out AS MATERIALIZED (
            SELECT c.j, r.expert_id
            FROM candidate c,
                 LATERAL (SELECT m.expert_id FROM review_slot m
                          WHERE m.request_id = c.request_id AND m.expert_id = ANY (claimer_experts)
                          UNION ALL
                          SELECT k.expert_id FROM review_skip k
                          WHERE k.request_id = c.request_id AND k.expert_id = ANY (claimer_experts)
                          UNION ALL
                          SELECT f.expert_id FROM feedback_judged_queries f
                          WHERE f.query_id = c.query_id AND f.expert_id = ANY (claimer_experts)
                          OFFSET 0) r)
        SELECT array_agg(c.id ORDER BY c.j), array_agg(c.request_id ORDER BY c.j),
               array_agg(c.routing = '{}' ORDER BY c.j), array_agg(array_to_string(c.routing, chr(31)) ORDER BY c.j),
               array_agg(coalesce(r.experts, '') ORDER BY c.j)
        INTO candidate_slot, candidate_request, candidate_open, candidate_routing, candidate_ruled_out
        FROM candidate c
             LEFT JOIN (SELECT ro.j, ',' || string_agg(ro.expert_id::text, ',') || ',' AS experts
                        FROM ruled_out ro GROUP BY ro.j) r ON r.j = c.j;
        candidate_count := coalesce(cardinality(candidate_slot), 0);
        taken := array_fill(false, ARRAY[greatest(candidate_count, 1)]);
        -- In order of arrival, each claimer takes the first candidate left that is routed to them (or to everybody)
        -- and not ruled out for them. Candidates
        -- before first_free are all taken, so a batch of n claims reads each candidate about once, not n times.
        first_free := 1;
        FOR claim_index IN 1 .. claims LOOP
            CONTINUE WHEN claimer_expert[claim_index] IS NULL;
            served := false;
            candidate_index := first_free;
            WHILE candidate_index <= candidate_count LOOP
                IF NOT taken[candidate_index]
                   AND (candidate_open[candidate_index]
                        OR string_to_array(candidate_routing[candidate_index], chr(31))
                           && string_to_array(claimer_specializations[claim_index], chr(31)))
                   AND position(claimer_key[claim_index] IN candidate_ruled_out[candidate_index]) = 0 THEN
                    taken[candidate_index] := true;
                    chosen_slot := chosen_slot || candidate_slot[candidate_index];
                    chosen_expert := chosen_expert || claimer_expert[claim_index];
                    chosen_claim := chosen_claim || claim_index;
                    served := true;
                    -- The same expert again later in the batch: not another slot of this request.
                    IF repeated THEN
                        FOR other IN 1 .. candidate_count LOOP
                            IF candidate_request[other] = candidate_request[candidate_index] THEN
                                candidate_ruled_out[other] := candidate_ruled_out[other] || claimer_key[claim_index];
                            END IF;
                        END LOOP;
                    END IF;
                    EXIT;
                END IF;
                candidate_index := candidate_index + 1;
            END LOOP;
            WHILE first_free <= candidate_count AND taken[first_free] LOOP
                first_free := first_free + 1;
            END LOOP;
            IF NOT served THEN
                left_over := left_over || claim_index;
            END IF;
        END LOOP;
        RETURN QUERY
        UPDATE review_slot s SET state = 'claimed', expert_id = c.expert_id, claimed_at = p_now,
            lease_expires_at = p_lease_until
        FROM unnest(chosen_slot, chosen_expert, chosen_claim) AS c(slot_id, expert_id, claim_no)
        WHERE s.id = c.slot_id
        RETURNING c.claim_no, s.id, s.request_id, s.claimed_at, s.lease_expires_at;
    END IF;
    -- Claimers none of the candidates suits read on past them, one after the other (they see the slots taken above).
    FOREACH claim_index IN ARRAY left_over LOOP
        claimer := claimers[claim_index];
        RETURN QUERY
        WITH me AS MATERIALIZED (SELECT claimer.expert_id, claimer.specializations),
        open_slot AS (
            SELECT s.id, s.priority, s.requested_at FROM review_slot s
            WHERE s.state = 'open' AND EXISTS (SELECT 1 FROM me)
              AND (s.routing = '{}' OR s.routing && (SELECT m.specializations FROM me m))
              AND NOT EXISTS (SELECT 1 FROM review_slot mine WHERE mine.request_id = s.request_id
                              AND mine.expert_id = (SELECT m.expert_id FROM me m) OFFSET 0)
              AND NOT EXISTS (SELECT 1 FROM review_skip k WHERE k.request_id = s.request_id
                              AND k.expert_id = (SELECT m.expert_id FROM me m) OFFSET 0)
              AND NOT EXISTS (SELECT 1 FROM feedback_judged_queries f WHERE f.expert_id = (SELECT m.expert_id FROM me m)
                              AND f.query_id = s.query_id OFFSET 0)
            ORDER BY s.priority DESC, s.requested_at, s.id
            LIMIT 1
            FOR UPDATE SKIP LOCKED),
        expired_lease AS (
            SELECT s.id, s.priority, s.requested_at FROM review_slot s
            WHERE s.state = 'claimed' AND s.lease_expires_at < p_now AND EXISTS (SELECT 1 FROM me)
              AND (s.routing = '{}' OR s.routing && (SELECT m.specializations FROM me m))
              AND NOT EXISTS (SELECT 1 FROM review_slot mine WHERE mine.request_id = s.request_id
                              AND mine.expert_id = (SELECT m.expert_id FROM me m) OFFSET 0)
              AND NOT EXISTS (SELECT 1 FROM review_skip k WHERE k.request_id = s.request_id
                              AND k.expert_id = (SELECT m.expert_id FROM me m) OFFSET 0)
              AND NOT EXISTS (SELECT 1 FROM feedback_judged_queries f WHERE f.expert_id = (SELECT m.expert_id FROM me m)
                              AND f.query_id = s.query_id OFFSET 0)
            ORDER BY s.priority DESC, s.requested_at, s.id
            LIMIT 1
            FOR UPDATE SKIP LOCKED),
        next AS (
            SELECT c.id FROM (SELECT * FROM open_slot UNION ALL SELECT * FROM expired_lease) c
            ORDER BY c.priority DESC, c.requested_at, c.id
            LIMIT 1),
        taken AS (
            UPDATE review_slot s SET state = 'claimed', expert_id = (SELECT m.expert_id FROM me m), claimed_at = p_now,
                lease_expires_at = p_lease_until
            FROM next WHERE s.id = next.id
            RETURNING s.id, s.request_id, s.claimed_at, s.lease_expires_at)
        SELECT claim_index, t.id, t.request_id, t.claimed_at, t.lease_expires_at FROM taken t;
    END LOOP;
END
$fn$;
