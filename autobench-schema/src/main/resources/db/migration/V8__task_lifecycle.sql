-- A task's slot is taken (a 'pending' row, committed at once) before its spec is drafted, and the
-- row becomes 'generated' when the spec is stored. So a pending row has no title, category or spec
-- yet; every other status must have them.
ALTER TABLE tasks ALTER COLUMN title DROP NOT NULL;
ALTER TABLE tasks ALTER COLUMN category DROP NOT NULL;
ALTER TABLE tasks ALTER COLUMN spec DROP NOT NULL;
ALTER TABLE tasks ADD CONSTRAINT tasks_drafted_unless_pending
    CHECK (status = 'pending' OR (title IS NOT NULL AND category IS NOT NULL AND spec IS NOT NULL));

-- generator: completes a pending row (the draft's columns, the spec, status and generated_at)
GRANT UPDATE (title, category, difficulty, template_id, source, spec, status, generated_at) ON tasks
    TO autobench_generator;
