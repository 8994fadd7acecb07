package dev.autobench.dispatcher.dispatch.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/** The outcome of a deliberate re-dispatch. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetryResult(UUID taskId, String model, String status, String errorCode, int attempts) {
}
