package dev.autobench.generator.drafting;

/** No source could draft the day's tasks; nothing was written. */
public class TaskSourceException extends RuntimeException {

    public TaskSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
