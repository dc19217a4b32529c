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
LANGUAGE plpgsql VOLATILE AS $fn$
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
    candidates review_slot[];
    not_for TEXT[];
    chosen_slot UUID[] := '{}';
    chosen_expert UUID[] := '{}';
    chosen_claim INTEGER[] := '{}';
    taken BOOLEAN[];
    left_over INTEGER[] := '{}';
    claimer eligible_experts;
    candidate review_slot;
    pair TEXT;
    served BOOLEAN;
    claim_index INTEGER;
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    IF claims = 0 THEN
        RETURN;
    END IF;
    -- Who claims, by claim_no (an element is null when that user may not review).
    SELECT array_agg((SELECT e FROM eligible_experts e WHERE e.user_id = x.u LIMIT 1) ORDER BY x.n)
    INTO claimers FROM unnest(p_users) WITH ORDINALITY AS x(u, n);
    IF NOT EXISTS (SELECT 1 FROM unnest(claimers) c WHERE c.expert_id IS NOT NULL) THEN
        RETURN;
    END IF;
    -- One claimer alone: the one-expert statement straight away (it reads past what is not theirs without locking it).
    IF claims = 1 THEN
        candidates := '{}';
        left_over := ARRAY[1];
    ELSE
        SELECT coalesce(array_agg(DISTINCT sp), '{}') INTO batch_specializations
        FROM unnest(claimers) c, unnest(c.specializations) sp;
        SELECT array_agg(DISTINCT c.expert_id) INTO claimer_experts FROM unnest(claimers) c WHERE c.expert_id IS NOT NULL;
        -- The first free slots routed to the batch, open or with an expired lease, in queue order; locked until this
        -- statement commits.
        WITH open_slot AS (
            SELECT s FROM review_slot s
            WHERE s.state = 'open' AND (s.routing = '{}' OR s.routing && batch_specializations)
            ORDER BY s.priority DESC, s.requested_at, s.id
            LIMIT wanted
            FOR UPDATE SKIP LOCKED),
        expired_lease AS (
            SELECT s FROM review_slot s
            WHERE s.state = 'claimed' AND s.lease_expires_at < p_now
              AND (s.routing = '{}' OR s.routing && batch_specializations)
            ORDER BY s.priority DESC, s.requested_at, s.id
            LIMIT wanted
            FOR UPDATE SKIP LOCKED)
        SELECT array_agg(c.s ORDER BY (c.s).priority DESC, (c.s).requested_at, (c.s).id)
        INTO candidates FROM (SELECT * FROM open_slot UNION ALL SELECT * FROM expired_lease) c;
        candidates := coalesce(candidates, '{}');
        taken := array_fill(false, ARRAY[greatest(cardinality(candidates), 1)]);
        -- (request, expert) pairs ruled out among them: a slot of the request the expert holds or held, a skip, a
        -- judged query. Looked up per candidate (LATERAL ... OFFSET 0): the planner would otherwise read all of the
        -- batch's experts' slots and feedback, which grow with every review they do.
        SELECT coalesce(array_agg(ruled_out.pair), '{}') INTO not_for
        FROM unnest(candidates) c,
             LATERAL (SELECT m.request_id::text || '/' || m.expert_id::text AS pair FROM review_slot m
                      WHERE m.request_id = c.request_id AND m.expert_id = ANY (claimer_experts)
                      UNION ALL
                      SELECT k.request_id::text || '/' || k.expert_id::text FROM review_skip k
                      WHERE k.request_id = c.request_id AND k.expert_id = ANY (claimer_experts)
                      UNION ALL
                      SELECT c.request_id::text || '/' || f.expert_id::text FROM feedback_judged_queries f
                      WHERE f.query_id = c.query_id AND f.expert_id = ANY (claimer_experts)
                      OFFSET 0) ruled_out;
        -- In order of arrival, each claimer takes the first candidate left that is routed to them and not ruled out.
        FOR claim_index IN 1 .. claims LOOP
            claimer := claimers[claim_index];
            CONTINUE WHEN claimer.expert_id IS NULL;
            served := false;
            FOR candidate_index IN 1 .. cardinality(candidates) LOOP
                CONTINUE WHEN taken[candidate_index];
                candidate := candidates[candidate_index];
                CONTINUE WHEN NOT (candidate.routing = '{}' OR candidate.routing && claimer.specializations);
                pair := candidate.request_id::text || '/' || claimer.expert_id::text;
                CONTINUE WHEN pair = ANY (not_for);
                taken[candidate_index] := true;
                not_for := not_for || pair;
                chosen_slot := chosen_slot || candidate.id;
                chosen_expert := chosen_expert || claimer.expert_id;
                chosen_claim := chosen_claim || claim_index;
                served := true;
                EXIT;
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
