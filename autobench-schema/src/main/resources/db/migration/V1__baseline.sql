-- AutoBench shared schema. One party applies it (the migration Job, or the local launcher);
-- every service validates it at start. The invariants of docs/design live here, in the database,
-- so that no code path (two replicas, a retry, an operator's SQL) can break them.

CREATE TABLE models (
    id                     uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    slug                   text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    provider               text        NOT NULL CHECK (provider IN ('openai', 'anthropic', 'google', 'deepseek', 'openai-compatible', 'demo')),
    api_model              text        NOT NULL CHECK (length(api_model) BETWEEN 1 AND 200),
    display_name           text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    active                 boolean     NOT NULL DEFAULT true,
    input_usd_per_mtok     numeric(12, 4) NOT NULL DEFAULT 0 CHECK (input_usd_per_mtok >= 0),
    output_usd_per_mtok    numeric(12, 4) NOT NULL DEFAULT 0 CHECK (output_usd_per_mtok >= 0),
    max_output_tokens      integer     NOT NULL DEFAULT 8192 CHECK (max_output_tokens > 0),
    timeout_seconds        integer     NOT NULL DEFAULT 180 CHECK (timeout_seconds > 0),
    base_url               text,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tasks (
    id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    task_date      date        NOT NULL,
    slot           integer     NOT NULL CHECK (slot >= 1),
    title          text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    category       text        NOT NULL CHECK (length(category) BETWEEN 1 AND 64),
    difficulty     text        NOT NULL DEFAULT 'medium' CHECK (difficulty IN ('easy', 'medium', 'hard')),
    template_id    text,
    source         text        NOT NULL DEFAULT 'bank' CHECK (source IN ('bank', 'llm')),
    spec           jsonb       NOT NULL,
    status         text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'generated', 'dispatched')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    generated_at   timestamptz,
    dispatched_at  timestamptz,
    CONSTRAINT tasks_date_slot_key UNIQUE (task_date, slot),
    CONSTRAINT tasks_dispatched_has_time CHECK (status <> 'dispatched' OR dispatched_at IS NOT NULL)
);
CREATE INDEX tasks_status_idx ON tasks (status) WHERE status <> 'dispatched';
CREATE INDEX tasks_template_date_idx ON tasks (template_id, task_date);

CREATE TABLE submissions (
    id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id              uuid        NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    model_id             uuid        NOT NULL REFERENCES models (id),
    status               text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'calling', 'succeeded', 'failed')),
    answer               text,
    code                 text,
    error_code           text        CHECK (error_code IN ('timeout', 'abandoned', 'no_code', 'rate_limited', 'provider_error',
                                                           'invalid_response', 'circuit_open', 'connect_error', 'unauthorized',
                                                           'internal_error')),
    error_message        text,
    input_tokens         integer     CHECK (input_tokens >= 0),
    output_tokens        integer     CHECK (output_tokens >= 0),
    cost_usd             numeric(14, 6) CHECK (cost_usd >= 0),
    latency_ms           integer     CHECK (latency_ms >= 0),
    provider_request_id  text,
    attempts             integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    claimed_by           text,
    claimed_at           timestamptz,
    lease_until          timestamptz,
    finished_at          timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT submissions_task_model_key UNIQUE (task_id, model_id),
    -- lets matches prove with a foreign key that both sides answer the same task
    CONSTRAINT submissions_id_task_key UNIQUE (id, task_id),
    CONSTRAINT submissions_succeeded_has_code CHECK (status <> 'succeeded' OR code IS NOT NULL),
    CONSTRAINT submissions_failed_has_reason CHECK (status <> 'failed' OR error_code IS NOT NULL),
    CONSTRAINT submissions_calling_has_lease CHECK (status <> 'calling' OR lease_until IS NOT NULL)
);
CREATE INDEX submissions_model_idx ON submissions (model_id);
CREATE INDEX submissions_calling_lease_idx ON submissions (lease_until) WHERE status = 'calling';
CREATE INDEX submissions_succeeded_idx ON submissions (created_at) WHERE status = 'succeeded';

-- One row per HTTP attempt to a provider: the ledger that proves "exactly once".
CREATE TABLE provider_calls (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    submission_id   uuid        REFERENCES submissions (id) ON DELETE CASCADE,
    purpose         text        NOT NULL DEFAULT 'submission' CHECK (purpose IN ('submission', 'task_author')),
    provider        text        NOT NULL,
    api_model       text        NOT NULL,
    attempt         integer     NOT NULL CHECK (attempt >= 1),
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    http_status     integer,
    outcome         text        NOT NULL DEFAULT 'in_flight'
                                CHECK (outcome IN ('in_flight', 'success', 'retryable_error', 'error', 'timeout', 'connect_error', 'abandoned')),
    billed          boolean,
    request_id      text,
    input_tokens    integer,
    output_tokens   integer,
    latency_ms      integer,
    error           text,
    CONSTRAINT provider_calls_submission_purpose CHECK ((purpose = 'submission') = (submission_id IS NOT NULL)),
    CONSTRAINT provider_calls_submission_attempt_key UNIQUE (submission_id, attempt)
);
CREATE INDEX provider_calls_started_idx ON provider_calls (started_at);

CREATE TABLE artifacts (
    id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    submission_id     uuid        NOT NULL UNIQUE REFERENCES submissions (id) ON DELETE CASCADE,
    status            text        NOT NULL DEFAULT 'rendering' CHECK (status IN ('rendering', 'rendered', 'failed')),
    html              text,
    sha256            text        CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes        integer     CHECK (size_bytes >= 0),
    screenshot_png    bytea,
    screenshot_status text        NOT NULL DEFAULT 'pending' CHECK (screenshot_status IN ('pending', 'captured', 'unavailable', 'failed')),
    viewport_width    integer,
    viewport_height   integer,
    js_errors         jsonb       NOT NULL DEFAULT '[]'::jsonb,
    console_errors    jsonb       NOT NULL DEFAULT '[]'::jsonb,
    js_error_count    integer     NOT NULL DEFAULT 0 CHECK (js_error_count >= 0),
    blank             boolean,
    render_ms         integer     CHECK (render_ms >= 0),
    failure_reason    text,
    claimed_by        text,
    lease_until       timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    rendered_at       timestamptz,
    CONSTRAINT artifacts_rendered_has_html CHECK (status <> 'rendered' OR (html IS NOT NULL AND sha256 IS NOT NULL)),
    CONSTRAINT artifacts_failed_has_reason CHECK (status <> 'failed' OR failure_reason IS NOT NULL)
);
CREATE INDEX artifacts_rendering_lease_idx ON artifacts (lease_until) WHERE status = 'rendering';

CREATE TABLE matches (
    id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id              uuid        NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    left_submission_id   uuid        NOT NULL,
    right_submission_id  uuid        NOT NULL,
    vote_count           integer     NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    created_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT matches_distinct_sides CHECK (left_submission_id <> right_submission_id),
    CONSTRAINT matches_left_same_task FOREIGN KEY (left_submission_id, task_id)
        REFERENCES submissions (id, task_id) ON DELETE CASCADE,
    CONSTRAINT matches_right_same_task FOREIGN KEY (right_submission_id, task_id)
        REFERENCES submissions (id, task_id) ON DELETE CASCADE
);
-- One match per unordered pair per task, whichever side each submission was put on.
CREATE UNIQUE INDEX matches_unordered_pair_key
    ON matches (task_id, LEAST(left_submission_id, right_submission_id), GREATEST(left_submission_id, right_submission_id));
CREATE INDEX matches_task_votes_idx ON matches (task_id, vote_count);

CREATE TABLE votes (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    match_id            uuid        NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    voter_key           text        NOT NULL CHECK (length(voter_key) BETWEEN 8 AND 128),
    ip_hash             text        NOT NULL CHECK (length(ip_hash) BETWEEN 8 AND 128),
    outcome             text        NOT NULL CHECK (outcome IN ('left', 'right', 'tie', 'both_bad')),
    counted             boolean     NOT NULL DEFAULT true,
    not_counted_reason  text,
    served_at           timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT votes_match_voter_key UNIQUE (match_id, voter_key),
    CONSTRAINT votes_uncounted_has_reason CHECK (counted OR not_counted_reason IS NOT NULL)
);
CREATE INDEX votes_voter_created_idx ON votes (voter_key, created_at);
CREATE INDEX votes_ip_created_idx ON votes (ip_hash, created_at);
CREATE INDEX votes_created_idx ON votes (created_at);

CREATE TABLE leaderboard_snapshots (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    computed_at      timestamptz NOT NULL DEFAULT now(),
    category         text        NOT NULL DEFAULT 'all',
    method           text        NOT NULL DEFAULT 'bradley_terry' CHECK (method IN ('bradley_terry')),
    votes_used       integer     NOT NULL CHECK (votes_used >= 0),
    last_vote_id     bigint,
    bootstrap_rounds integer     NOT NULL CHECK (bootstrap_rounds >= 0),
    compute_ms       integer     NOT NULL CHECK (compute_ms >= 0),
    body             jsonb       NOT NULL
);
CREATE INDEX leaderboard_snapshots_latest_idx ON leaderboard_snapshots (category, computed_at DESC);
