package dev.autobench.generator.task;

/** Where a task came from; stored in {@code tasks.source} and used as the {@code source} meter tag. */
public enum TaskOrigin {
    BANK, LLM;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
