-- Review inbox (DOMAIN.md §8): the assistant's API keys, the review requests it sends, one row per required review
-- (a "slot") so that N reviews by N different experts is N rows claimed one by one with FOR UPDATE SKIP LOCKED, the
-- skips that keep a request away from an expert, and the admin's topic -> specializations map.

-- security owns the API keys. Only a SHA-256 of the key is stored: keys are 256 random bits, so a fast hash is
-- not brute-forceable and a lookup by hash stays one index probe per request (a slow password hash would not).
CREATE TABLE api_key (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name         VARCHAR(100) NOT NULL,
    key_prefix   VARCHAR(20)  NOT NULL,
    key_hash     CHAR(64)     NOT NULL CONSTRAINT uq_api_key_hash UNIQUE,
    created_by   INTEGER      REFERENCES "user" (id) ON DELETE SET NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    revoked_by   INTEGER      REFERENCES "user" (id) ON DELETE SET NULL,
    last_used_at TIMESTAMPTZ
);

-- inbox owns the rest.
CREATE TABLE review_request (
    id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    query_id         UUID         NOT NULL CONSTRAINT uq_review_request_query UNIQUE,
    query_text       TEXT         NOT NULL,
    original_answer  TEXT         NOT NULL,
    topic            VARCHAR(100),
    tags             TEXT[]       NOT NULL DEFAULT '{}',
    context          JSONB        NOT NULL DEFAULT '[]',
    model            VARCHAR(100),
    answered_at      TIMESTAMPTZ,
    reason           VARCHAR(20)  NOT NULL DEFAULT 'other'
        CONSTRAINT review_request_reason CHECK (reason IN ('sampled', 'user_flagged', 'low_confidence', 'other')),
    priority         INTEGER      NOT NULL DEFAULT 50 CONSTRAINT review_request_priority CHECK (priority BETWEEN 0 AND 100),
    required_reviews INTEGER      NOT NULL DEFAULT 1
        CONSTRAINT review_request_required CHECK (required_reviews BETWEEN 1 AND 3),
    due_by           TIMESTAMPTZ,
    -- lower-cased specializations the request is routed to, resolved from topic and tags; empty = everybody
    routing          TEXT[]       NOT NULL DEFAULT '{}',
    -- SHA-256 of the content, so "same query_id, same content" (200) and "different content" (409) is one compare
    content_hash     CHAR(64)     NOT NULL,
    status           VARCHAR(20)  NOT NULL DEFAULT 'open'
        CONSTRAINT review_request_status CHECK (status IN ('open', 'done', 'cancelled')),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    completed_at     TIMESTAMPTZ,
    cancelled_at     TIMESTAMPTZ
);
CREATE INDEX idx_review_request_updated ON review_request (updated_at, id);
CREATE INDEX idx_review_request_status ON review_request (status, created_at);

CREATE TABLE review_slot (
    id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    request_id       UUID        NOT NULL REFERENCES review_request (id) ON DELETE CASCADE,
    slot_no          SMALLINT    NOT NULL,
    -- copies of the request's ordering and routing, so claiming reads one table along one index
    query_id         UUID        NOT NULL,
    priority         INTEGER     NOT NULL,
    requested_at     TIMESTAMPTZ NOT NULL,
    routing          TEXT[]      NOT NULL DEFAULT '{}',
    state            VARCHAR(20) NOT NULL DEFAULT 'open'
        CONSTRAINT review_slot_state CHECK (state IN ('open', 'claimed', 'done', 'cancelled')),
    expert_id        UUID,
    claimed_at       TIMESTAMPTZ,
    lease_expires_at TIMESTAMPTZ,
    feedback_id      UUID,
    feedback_type    VARCHAR(20),
    faq_candidate_id UUID,
    measured_seconds INTEGER,
    completed_at     TIMESTAMPTZ,
    CONSTRAINT uq_review_slot_no UNIQUE (request_id, slot_no)
);
-- The queue: open and claimed slots in the order they are served (claimed ones come back when the lease expires).
CREATE INDEX idx_review_slot_queue ON review_slot (priority DESC, requested_at, id) WHERE state IN ('open', 'claimed');
-- One slot of a request per expert: N reviews are always N different experts, also under concurrent claims.
CREATE UNIQUE INDEX uq_review_slot_expert ON review_slot (request_id, expert_id) WHERE expert_id IS NOT NULL;
CREATE INDEX idx_review_slot_expert ON review_slot (expert_id, state) WHERE expert_id IS NOT NULL;

CREATE TABLE review_skip (
    request_id UUID        NOT NULL REFERENCES review_request (id) ON DELETE CASCADE,
    expert_id  UUID        NOT NULL,
    reason     VARCHAR(30) NOT NULL
        CONSTRAINT review_skip_reason CHECK (reason IN ('outside_competence', 'unclear', 'conflict_of_interest')),
    note       VARCHAR(500),
    skipped_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (request_id, expert_id)
);

CREATE TABLE inbox_topic_route (
    topic           VARCHAR(100) PRIMARY KEY,
    specializations TEXT[]       NOT NULL DEFAULT '{}',
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
INSERT INTO inbox_topic_route (topic, specializations) VALUES
    ('iva', '{iva}'),
    ('lavoro', '{lavoro,ccnl,paghe}'),
    ('dichiarativi', '{dichiarativi,730,redditi}'),
    ('forfettario', '{forfettario,iva}');

-- feedback publishes which queries each expert has judged: the inbox never offers those again (DD007).
CREATE VIEW feedback_judged_queries AS
SELECT expert_id, query_id
FROM expert_feedback;
