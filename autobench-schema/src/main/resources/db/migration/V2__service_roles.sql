-- One PostgreSQL role per service, with exactly the privileges its code uses; docs/schema.md is the
-- contract (who writes and who reads each table) and SchemaGrantsTest checks these grants against it.
--
-- The roles are created NOLOGIN: logging in (LOGIN and a password) belongs to the deployment
-- (./autobench, the test support, CloudNativePG's managed roles), so this file holds no secret.
-- A role may already exist (created by the platform, or by this migration in another database of
-- the same cluster): then it is left as it is and only granted.
--
-- Identity columns (provider_calls.id, votes.id, leaderboard_snapshots.id) draw from their
-- sequence under the table's INSERT privilege, so no role is granted a sequence.
-- Foreign keys are checked with the table owner's rights, so no role needs REFERENCES.

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['autobench_generator', 'autobench_dispatcher', 'autobench_renderer', 'autobench_arena'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL; -- created meanwhile by a migration of another database of the cluster
            END;
        END IF;
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), r);
        -- every service validates the migrations when it starts
        EXECUTE format('GRANT SELECT ON flyway_schema_history TO %I', r);
    END LOOP;
END
$$;

-- generator: writes the day's tasks, and the ledger rows of its optional task author
GRANT SELECT, INSERT ON tasks TO autobench_generator;
-- SELECT too: Hibernate reads its identity back with INSERT ... RETURNING, which needs SELECT on
-- the returned columns (the driver returns them all); the ledger holds no secret.
GRANT SELECT, INSERT ON provider_calls TO autobench_generator;

-- dispatcher: owns the model registry, the submissions and the call ledger; moves a task to dispatched
GRANT SELECT, INSERT, UPDATE ON models TO autobench_dispatcher;
GRANT SELECT ON tasks TO autobench_dispatcher;
GRANT UPDATE (status, dispatched_at) ON tasks TO autobench_dispatcher;
GRANT SELECT, INSERT, UPDATE ON submissions TO autobench_dispatcher;
GRANT SELECT, INSERT, UPDATE ON provider_calls TO autobench_dispatcher;

-- renderer: reads the succeeded submissions' code, writes artifacts
GRANT SELECT ON submissions TO autobench_renderer;
GRANT SELECT, INSERT, UPDATE ON artifacts TO autobench_renderer;

-- arena: reads the day's results, writes matches, votes and leaderboard snapshots
GRANT SELECT ON models, tasks, submissions, artifacts TO autobench_arena;
GRANT SELECT, INSERT ON matches TO autobench_arena;
GRANT UPDATE (vote_count) ON matches TO autobench_arena;
GRANT SELECT, INSERT ON votes TO autobench_arena;
GRANT SELECT, INSERT, DELETE ON leaderboard_snapshots TO autobench_arena;
