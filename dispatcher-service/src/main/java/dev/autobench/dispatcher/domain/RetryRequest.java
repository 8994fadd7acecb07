package dev.autobench.dispatcher.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** {@code POST /api/dispatch/retry}: which failed (task, model) pair to call again, on purpose. */
@RegisterForReflection
public record RetryRequest(@NotNull UUID taskId, @NotBlank String model) {
}
