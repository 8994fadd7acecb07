-- The leaderboard over time: boards over the last 7/30/90 task days beside the board of every vote,
-- and each closed day's ratings over a trailing window, computed once per day (a closed day's votes
-- never change) by the arena's recompute job.

-- which task days a stored board covers: 'all', or the N UTC task days ending on its computation's day
ALTER TABLE leaderboard_snapshots
    ADD COLUMN time_window text NOT NULL DEFAULT 'all' CHECK (time_window IN ('all', '7d', '30d', '90d'));
DROP INDEX leaderboard_snapshots_latest_idx;
CREATE INDEX leaderboard_snapshots_latest_idx ON leaderboard_snapshots (category, time_window, computed_at DESC);

-- one row per (trailing window, closed day) whose ratings are computed: the marker that a day is done
CREATE TABLE leaderboard_history_days (
    trailing_days    integer     NOT NULL CHECK (trailing_days BETWEEN 1 AND 366),
    day              date        NOT NULL,
    votes            integer     NOT NULL CHECK (votes >= 0),
    bootstrap_rounds integer     NOT NULL CHECK (bootstrap_rounds >= 0),
    computed_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (trailing_days, day)
);

-- a model's rating on a closed day, over the votes of the tasks of the trailing_days days ending that day
CREATE TABLE leaderboard_history (
    trailing_days integer          NOT NULL,
    day           date             NOT NULL,
    category      text             NOT NULL CHECK (length(category) BETWEEN 1 AND 64),
    model_id      uuid             NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    rating        double precision NOT NULL,
    ci_low        double precision,
    ci_high       double precision,
    votes         integer          NOT NULL CHECK (votes >= 0),
    PRIMARY KEY (trailing_days, category, day, model_id),
    FOREIGN KEY (trailing_days, day) REFERENCES leaderboard_history_days (trailing_days, day) ON DELETE CASCADE
);

-- arena: computes and reads the history; a computed day is never rewritten
GRANT SELECT, INSERT ON leaderboard_history_days, leaderboard_history TO autobench_arena;
