package dev.autobench.dispatcher.dispatch.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.UUID;

/**
 * {@code POST /api/dispatch/retry}: which failed (task, model) pair to call again, on purpose. {@code force}
 * must be true to re-call a pair whose failure may have been billed (timeout, abandoned, possibly processed).
 */
@RegisterForReflection
public record RetryRequest(
        @NotNull UUID taskId,
        // a slug, checked here: PostgreSQL refuses a NUL byte in text, so it must be a 400 before the query
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$", message = "must be a model slug") String model,
        Boolean force) {

    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
