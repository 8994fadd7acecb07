package dev.autobench.dispatcher.dispatch;

import java.util.UUID;

/** A {@code generated} task: what every model is asked. */
public record TaskToDispatch(UUID id, String title, String category, String prompt) {
}
