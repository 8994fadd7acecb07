package dev.autobench.generator.task;

/** Lifecycle values of {@code tasks.status}; the generator writes {@link #PENDING} and {@link #GENERATED}. */
public final class TaskStatus {

    public static final String PENDING = "pending";
    public static final String GENERATED = "generated";
    public static final String DISPATCHED = "dispatched";

    private TaskStatus() {
    }
}
