package dev.autobench.arena.sql;

/**
 * The SQL of "inside the arena window": a task is open for voting for {@code autobench.arena.window}
 * after it was generated ({@code generated_at}, or the start of its UTC date when that is missing).
 * Callers bind {@code :cutoff} = now − window.
 */
public final class ArenaWindow {

    public static final String TASK_OPENED_AT = "coalesce(t.generated_at, (t.task_date::timestamp AT TIME ZONE 'UTC'))";
    public static final String TASK_IN_WINDOW = TASK_OPENED_AT + " > :cutoff";

    private ArenaWindow() {
    }
}
