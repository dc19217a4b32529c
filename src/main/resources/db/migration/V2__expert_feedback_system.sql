-- The seed's contract (DEV-BE-72): three tables, twelve indexes, three enum types, one trigger function.
-- Idempotent where the enum types (or any object) already exist. Undo: db/rollback/U2__expert_feedback_system.sql

DO $$ BEGIN
    CREATE TYPE feedback_type AS ENUM ('correct', 'incomplete', 'incorrect');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

DO $$ BEGIN
    CREATE TYPE italian_feedback_category AS ENUM (
        'normativa_obsoleta', 'interpretazione_errata', 'caso_mancante', 'calcolo_sbagliato', 'troppo_generico');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

DO $$ BEGIN
    CREATE TYPE expert_credential_type AS ENUM (
        'dottore_commercialista', 'revisore_legale', 'consulente_fiscale', 'consulente_lavoro', 'caf_operator');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

CREATE TABLE IF NOT EXISTS expert_profiles (
    id                               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                          INTEGER NOT NULL UNIQUE REFERENCES "user" (id) ON DELETE CASCADE,
    credentials                      TEXT[]                   DEFAULT '{}',
    credential_types                 expert_credential_type[] DEFAULT '{}',
    experience_years                 INTEGER                  DEFAULT 0,
    specializations                  TEXT[]                   DEFAULT '{}',
    feedback_count                   INTEGER                  DEFAULT 0,
    feedback_accuracy_rate           DOUBLE PRECISION         DEFAULT 0.0,
    average_response_time_seconds    INTEGER                  DEFAULT 0,
    trust_score                      DOUBLE PRECISION         DEFAULT 0.5,
    professional_registration_number VARCHAR(50),
    organization                     VARCHAR(200),
    location_city                    VARCHAR(100),
    is_verified                      BOOLEAN                  DEFAULT false,
    verification_date                TIMESTAMPTZ,
    is_active                        BOOLEAN                  DEFAULT true,
    created_at                       TIMESTAMPTZ              DEFAULT now(),
    updated_at                       TIMESTAMPTZ              DEFAULT now(),
    CONSTRAINT trust_score_range CHECK (trust_score >= 0.0 AND trust_score <= 1.0),
    CONSTRAINT accuracy_rate_range CHECK (feedback_accuracy_rate >= 0.0 AND feedback_accuracy_rate <= 1.0),
    CONSTRAINT non_negative_experience CHECK (experience_years >= 0),
    CONSTRAINT non_negative_feedback_count CHECK (feedback_count >= 0)
);

CREATE INDEX IF NOT EXISTS idx_expert_profiles_trust_score ON expert_profiles (trust_score);
CREATE INDEX IF NOT EXISTS idx_expert_profiles_active ON expert_profiles (is_active, is_verified);
CREATE INDEX IF NOT EXISTS idx_expert_profiles_specializations ON expert_profiles USING GIN (specializations);

CREATE TABLE IF NOT EXISTS expert_feedback (
    id                      UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    query_id                UUID                      NOT NULL,
    expert_id               UUID                      NOT NULL REFERENCES expert_profiles (id) ON DELETE CASCADE,
    feedback_type           feedback_type             NOT NULL,
    category                italian_feedback_category,
    query_text              TEXT                      NOT NULL,
    original_answer         TEXT                      NOT NULL,
    expert_answer           TEXT,
    improvement_suggestions TEXT[]                    DEFAULT '{}',
    regulatory_references   TEXT[]                    DEFAULT '{}',
    confidence_score        DOUBLE PRECISION          DEFAULT 0.0,
    time_spent_seconds      INTEGER                   NOT NULL,
    complexity_rating       INTEGER,
    processing_time_ms      INTEGER,
    feedback_timestamp      TIMESTAMPTZ               DEFAULT now(),
    action_taken            VARCHAR(100),
    improvement_applied     BOOLEAN                   DEFAULT false,
    created_at              TIMESTAMPTZ               DEFAULT now(),
    updated_at              TIMESTAMPTZ               DEFAULT now(),
    CONSTRAINT confidence_score_range CHECK (confidence_score >= 0.0 AND confidence_score <= 1.0),
    CONSTRAINT positive_time_spent CHECK (time_spent_seconds > 0),
    CONSTRAINT complexity_rating_range CHECK (complexity_rating >= 1 AND complexity_rating <= 5)
);

CREATE INDEX IF NOT EXISTS idx_expert_feedback_query_id ON expert_feedback (query_id);
CREATE INDEX IF NOT EXISTS idx_expert_feedback_expert_id ON expert_feedback (expert_id);
CREATE INDEX IF NOT EXISTS idx_expert_feedback_type_category ON expert_feedback (feedback_type, category);
CREATE INDEX IF NOT EXISTS idx_expert_feedback_timestamp ON expert_feedback (feedback_timestamp DESC);
CREATE INDEX IF NOT EXISTS idx_expert_feedback_improvement_applied ON expert_feedback (improvement_applied)
    WHERE improvement_applied = false;

CREATE TABLE IF NOT EXISTS expert_faq_candidates (
    id                        UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    question                  TEXT          NOT NULL,
    answer                    TEXT          NOT NULL,
    source                    VARCHAR(20)   NOT NULL DEFAULT 'expert_feedback',
    expert_id                 UUID REFERENCES expert_profiles (id) ON DELETE SET NULL,
    expert_trust_score        DOUBLE PRECISION,
    approval_status           VARCHAR(20)   DEFAULT 'pending',
    approved_by               INTEGER REFERENCES "user" (id) ON DELETE SET NULL,
    approved_at               TIMESTAMPTZ,
    suggested_category        VARCHAR(100),
    suggested_tags            TEXT[]        DEFAULT '{}',
    regulatory_references     TEXT[]        DEFAULT '{}',
    frequency                 INTEGER       DEFAULT 0,
    estimated_monthly_savings NUMERIC(10, 2) DEFAULT 0,
    roi_score                 NUMERIC(10, 2) DEFAULT 0,
    priority_score            NUMERIC(10, 2) DEFAULT 0,
    created_at                TIMESTAMPTZ   DEFAULT now(),
    updated_at                TIMESTAMPTZ   DEFAULT now(),
    CONSTRAINT valid_source CHECK (source IN ('expert_feedback', 'auto_generated')),
    CONSTRAINT valid_approval_status CHECK (approval_status IN ('pending', 'approved', 'rejected')),
    CONSTRAINT non_negative_frequency CHECK (frequency >= 0),
    CONSTRAINT non_negative_savings CHECK (estimated_monthly_savings >= 0)
);

CREATE INDEX IF NOT EXISTS idx_expert_faq_candidates_status
    ON expert_faq_candidates (approval_status, created_at DESC);
CREATE INDEX IF NOT EXISTS idx_expert_faq_candidates_priority
    ON expert_faq_candidates (priority_score DESC, approval_status);
CREATE INDEX IF NOT EXISTS idx_expert_faq_candidates_expert
    ON expert_faq_candidates (expert_id, expert_trust_score DESC);
CREATE INDEX IF NOT EXISTS idx_expert_faq_candidates_category
    ON expert_faq_candidates (suggested_category);

CREATE OR REPLACE FUNCTION update_expert_updated_at() RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS trigger_expert_profiles_updated_at ON expert_profiles;
CREATE TRIGGER trigger_expert_profiles_updated_at
    BEFORE UPDATE ON expert_profiles FOR EACH ROW EXECUTE FUNCTION update_expert_updated_at();

DROP TRIGGER IF EXISTS trigger_expert_feedback_updated_at ON expert_feedback;
CREATE TRIGGER trigger_expert_feedback_updated_at
    BEFORE UPDATE ON expert_feedback FOR EACH ROW EXECUTE FUNCTION update_expert_updated_at();

DROP TRIGGER IF EXISTS trigger_expert_faq_candidates_updated_at ON expert_faq_candidates;
CREATE TRIGGER trigger_expert_faq_candidates_updated_at
    BEFORE UPDATE ON expert_faq_candidates FOR EACH ROW EXECUTE FUNCTION update_expert_updated_at();
