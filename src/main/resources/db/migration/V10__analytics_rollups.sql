-- Analytics at 1M feedback (DD010). The dashboard's figures come from two small rollup tables kept current in the
-- same transaction as every write to expert_feedback, by statement-level triggers, so reading them never scans the
-- feedback table and no job can fall behind.

-- Per Italian calendar day, verdict and category ('' when none): how many feedback, and how many of them are in
-- the improvement backlog (incomplete or incorrect, improvement not applied). Writers add to their connection's
-- slot (backend pid modulo 16): today's rows are hot, and a row a writer changed stays locked until its transaction
-- commits, so one row per (day, verdict, category) would make concurrent submissions queue behind each other; with
-- slots, two connections wait for each other only when their pids share a remainder. Readers sum the slots;
-- analytics_compact_feedback_daily folds the slots of past days into slot 0, so a past day keeps at most 18 rows.
CREATE TABLE analytics_feedback_daily (
    day           DATE          NOT NULL,
    feedback_type feedback_type NOT NULL,
    category      TEXT          NOT NULL,
    slot          SMALLINT      NOT NULL,
    feedback      INTEGER       NOT NULL DEFAULT 0,
    backlog       INTEGER       NOT NULL DEFAULT 0,
    PRIMARY KEY (day, feedback_type, category, slot)
);

-- Per expert and calendar year, the running total of feedback by Italian day of the year: element d holds the
-- feedback given on days 1..d (366 elements, day 366 repeats day 365 in common years). Any window's count for an
-- expert is then two array reads, so participation and the leaderboard read one row per expert and year instead
-- of every feedback. No foreign key: a deleted expert's feedback goes by cascade after the profile, and its
-- counts fall to zero here.
CREATE TABLE analytics_expert_activity (
    expert_id       UUID      NOT NULL,
    year            INTEGER   NOT NULL,
    feedback_to_day INTEGER[] NOT NULL,
    PRIMARY KEY (expert_id, year)
);
-- 1.5 kB stays in the row uncompressed: reading an element must not decompress the array.
ALTER TABLE analytics_expert_activity ALTER COLUMN feedback_to_day SET STORAGE PLAIN;

-- One counted change: +1 for a feedback row that appears, -1 for one that disappears (an update is both).
CREATE TYPE analytics_feedback_change AS (
    expert_id     UUID,
    day           DATE,
    feedback_type feedback_type,
    category      TEXT,
    in_backlog    BOOLEAN,
    delta         INTEGER
);

-- Running totals over the 366 days of a year from (day of year, change) pairs.
CREATE FUNCTION analytics_running_totals(days_of_year INTEGER[], changes INTEGER[]) RETURNS INTEGER[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    per_day INTEGER[] := array_fill(0, ARRAY[366]);
    totals  INTEGER[] := array_fill(0, ARRAY[366]);
    running INTEGER := 0;
BEGIN
    FOR i IN 1 .. coalesce(cardinality(days_of_year), 0) LOOP
        per_day[days_of_year[i]] := per_day[days_of_year[i]] + changes[i];
    END LOOP;
    FOR d IN 1 .. 366 LOOP
        running := running + per_day[d];
        totals[d] := running;
    END LOOP;
    RETURN totals;
END $$;

CREATE FUNCTION analytics_add_arrays(a INTEGER[], b INTEGER[]) RETURNS INTEGER[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    result INTEGER[] := a;
BEGIN
    FOR i IN 1 .. cardinality(b) LOOP
        result[i] := result[i] + b[i];
    END LOOP;
    RETURN result;
END $$;

-- Adds the changes to both rollups. A feedback without a timestamp (the column allows it) belongs to no day:
-- the daily rollup keeps it under '-infinity', which no window contains but an undated count includes, as a
-- count of the rows would; the activity rollup leaves it out, as every window does. Rows are written in key order so concurrent writers lock them in the same
-- order; "x = x + change" re-reads the latest committed row under READ COMMITTED, so concurrent changes add up.
-- Changes that cancel out (an improvement applied moves nothing between experts or days) lock no row: a review
-- that locks the expert's profile after such an update must not wait behind a submission holding that profile.
CREATE FUNCTION analytics_apply_feedback_changes(changes analytics_feedback_change[]) RETURNS VOID
LANGUAGE sql AS $$
    INSERT INTO analytics_feedback_daily AS d (day, feedback_type, category, slot, feedback, backlog)
    SELECT coalesce(c.day, '-infinity'), c.feedback_type, c.category, pg_backend_pid() % 16, sum(c.delta),
           coalesce(sum(c.delta) FILTER (WHERE c.in_backlog), 0)
    FROM unnest(changes) c
    GROUP BY 1, 2, 3
    HAVING sum(c.delta) <> 0 OR sum(c.delta) FILTER (WHERE c.in_backlog) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (day, feedback_type, category, slot)
        DO UPDATE SET feedback = d.feedback + excluded.feedback, backlog = d.backlog + excluded.backlog;

    INSERT INTO analytics_expert_activity AS a (expert_id, year, feedback_to_day)
    SELECT per_day.expert_id, per_day.year, analytics_running_totals(array_agg(per_day.day_of_year), array_agg(per_day.delta))
    FROM (SELECT c.expert_id, extract(YEAR FROM c.day)::INTEGER AS year, extract(DOY FROM c.day)::INTEGER AS day_of_year,
                 sum(c.delta)::INTEGER AS delta
          FROM unnest(changes) c
          WHERE c.day IS NOT NULL
          GROUP BY 1, 2, 3
          HAVING sum(c.delta) <> 0) per_day
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (expert_id, year)
        DO UPDATE SET feedback_to_day = analytics_add_arrays(a.feedback_to_day, excluded.feedback_to_day);
$$;

-- Folds the slots of the days before before_day into slot 0 (the application runs it every few minutes).
-- Returns how many rows were folded. It first waits until no transaction is writing the table and keeps writers
-- out while it runs (milliseconds): holding nothing while it waits, it can never be part of a deadlock. It waits
-- half a second at most (then fails with lock_not_available and the next run tries again), so a long writer never
-- makes new submissions queue behind it.
CREATE FUNCTION analytics_compact_feedback_daily(before_day DATE) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
    folded INTEGER;
BEGIN
    PERFORM set_config('lock_timeout', '500ms', true);
    LOCK TABLE analytics_feedback_daily IN SHARE ROW EXCLUSIVE MODE;
    WITH moved AS (
        DELETE FROM analytics_feedback_daily
        WHERE day < before_day AND slot <> 0
        RETURNING day, feedback_type, category, feedback, backlog),
    added AS (
        INSERT INTO analytics_feedback_daily AS d (day, feedback_type, category, slot, feedback, backlog)
        SELECT day, feedback_type, category, 0, sum(feedback), sum(backlog)
        FROM moved
        GROUP BY 1, 2, 3
        ON CONFLICT (day, feedback_type, category, slot)
            DO UPDATE SET feedback = d.feedback + excluded.feedback, backlog = d.backlog + excluded.backlog
        RETURNING 1)
    SELECT (SELECT count(*) FROM moved) INTO folded;
    RETURN folded;
END $$;

-- What a feedback row counts as: its expert, Italian day, verdict, category and backlog membership.
CREATE FUNCTION analytics_change_of(f expert_feedback, delta INTEGER) RETURNS analytics_feedback_change
LANGUAGE sql STABLE AS $$
    SELECT ROW(f.expert_id, (f.feedback_timestamp AT TIME ZONE 'Europe/Rome')::DATE, f.feedback_type,
               coalesce(f.category::TEXT, ''), f.feedback_type <> 'correct' AND NOT f.improvement_applied,
               delta)::analytics_feedback_change
$$;

-- Changes netted per expert, day, verdict, category and backlog membership; what cancels out disappears.
CREATE FUNCTION analytics_net_changes(changes analytics_feedback_change[]) RETURNS analytics_feedback_change[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY(
        SELECT ROW(c.expert_id, c.day, c.feedback_type, c.category, c.in_backlog, sum(c.delta))::analytics_feedback_change
        FROM unnest(changes) c
        GROUP BY c.expert_id, c.day, c.feedback_type, c.category, c.in_backlog
        HAVING sum(c.delta) <> 0)
$$;

CREATE FUNCTION analytics_feedback_changed() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    changes analytics_feedback_change[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        changes := ARRAY(SELECT analytics_change_of(n, 1) FROM new_rows n);
    ELSIF TG_OP = 'DELETE' THEN
        changes := ARRAY(SELECT analytics_change_of(o, -1) FROM old_rows o);
    ELSE
        -- Every old row out, every new row in (rows are not matched by id: an update may change it); most updates
        -- (reviews, texts, versions) net to nothing and touch no rollup row.
        changes := analytics_net_changes(ARRAY(SELECT analytics_change_of(o, -1) FROM old_rows o
                                               UNION ALL
                                               SELECT analytics_change_of(n, 1) FROM new_rows n));
    END IF;
    IF cardinality(changes) > 0 THEN
        PERFORM analytics_apply_feedback_changes(changes);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER trigger_expert_feedback_analytics_insert
    AFTER INSERT ON expert_feedback REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_feedback_changed();
CREATE TRIGGER trigger_expert_feedback_analytics_update
    AFTER UPDATE ON expert_feedback REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_feedback_changed();
CREATE TRIGGER trigger_expert_feedback_analytics_delete
    AFTER DELETE ON expert_feedback REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_feedback_changed();

CREATE FUNCTION analytics_feedback_truncated() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE analytics_feedback_daily, analytics_expert_activity;
    RETURN NULL;
END $$;

CREATE TRIGGER trigger_expert_feedback_analytics_truncate
    AFTER TRUNCATE ON expert_feedback
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_feedback_truncated();

-- Recounts both rollups from the feedback rows: the initial fill below, and the repair if they were ever bypassed
-- (e.g. a data-only restore with triggers disabled). Locks the feedback table against writes while it runs.
CREATE FUNCTION analytics_rebuild_rollups() RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE expert_feedback IN SHARE MODE;
    TRUNCATE analytics_feedback_daily, analytics_expert_activity;
    PERFORM analytics_apply_feedback_changes(ARRAY(SELECT analytics_change_of(f, 1) FROM expert_feedback f));
END $$;

-- The feedback already there (an existing assistant database, or the demo data).
DO $$ BEGIN
    PERFORM analytics_rebuild_rollups();
END $$;

-- Candidates: the funnel counts those created in the window, the median reads reviewers' decisions taken in it.
-- Both read only these indexes (index-only scans), never the candidates' texts.
CREATE INDEX IF NOT EXISTS idx_expert_faq_candidates_created_status
    ON expert_faq_candidates (created_at) INCLUDE (approval_status, auto_approved);
CREATE INDEX IF NOT EXISTS idx_expert_faq_candidates_decided
    ON expert_faq_candidates (approved_at) INCLUDE (created_at) WHERE approved_by IS NOT NULL;

-- The leaderboard's accuracy and median time for its top experts, from the index alone.
CREATE INDEX IF NOT EXISTS idx_expert_feedback_expert_review
    ON expert_feedback (expert_id, feedback_timestamp) INCLUDE (review_verdict, time_spent_seconds);
