package dev.autobench.arena.sql;

/**
 * The SQL of a task's prompt as visitors read it: generators have written it under three keys of
 * {@code tasks.spec} over time, and every page shows whichever one the task has.
 */
public final class TaskPrompt {

    /** Reads {@code t.spec}; alias the tasks table as {@code t}. */
    public static final String SQL = "coalesce(t.spec->>'prompt', t.spec->>'description', t.spec->>'brief', '')";

    private TaskPrompt() {
    }
}
