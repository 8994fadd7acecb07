package dev.autobench.generator.author;

/** The author's call failed or its answer was unusable; the bank stands in. */
public class TaskAuthorException extends RuntimeException {

    public TaskAuthorException(String message) {
        super(message);
    }

    public TaskAuthorException(String message, Throwable cause) {
        super(message, cause);
    }
}
