-- Machine-checkable acceptance checks. A task carries its checks (a JSON array of declarative checks, written with
-- the task by the bank or the task author); the renderer runs them in the page's browser right after the
-- screenshot and stores each result and the count passed on the artifact. Tasks created before checks existed
-- have none, and their artifacts no results (checks NULL: not run), which the arena shows as such.
ALTER TABLE tasks
    ADD COLUMN checks jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(checks) = 'array');

ALTER TABLE artifacts
    ADD COLUMN checks        jsonb   CHECK (checks IS NULL OR jsonb_typeof(checks) = 'array'),
    ADD COLUMN checks_passed integer CHECK (checks_passed >= 0),
    ADD COLUMN checks_total  integer CHECK (checks_total >= 0),
    ADD CONSTRAINT artifacts_checks_counted CHECK (
        (checks IS NULL AND checks_passed IS NULL AND checks_total IS NULL)
        OR (checks IS NOT NULL AND checks_passed IS NOT NULL AND checks_total IS NOT NULL
            AND checks_passed <= checks_total AND checks_total = jsonb_array_length(checks)));

-- generator: writes a task's checks when it completes the pending row
GRANT UPDATE (checks) ON tasks TO autobench_generator;
-- renderer: reads only the checks of the tasks it renders (and the id to join them), nothing else of a task
GRANT SELECT (id, checks) ON tasks TO autobench_renderer;
