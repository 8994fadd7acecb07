package dev.autobench.dispatcher.dispatch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** How the dispatcher calls providers: attempts, backoff, concurrency, leases and circuit breakers. */
@ConfigMapping(prefix = "autobench.dispatch")
public interface DispatchConfig {

    /** HTTP attempts per (task, model), counting the first; only unbilled failures are retried. */
    @WithDefault("3")
    int maxAttempts();

    /** First backoff between attempts; doubles each time, up to {@link #maxBackoff()}. */
    @WithDefault("2s")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /** The longest Retry-After we honour; a provider asking for more is waited on only this long. */
    @WithDefault("60s")
    Duration retryAfterCap();

    /** Concurrent calls per provider (bulkhead); others queue. */
    @WithDefault("16")
    int bulkheadPerProvider();

    /** Added to the longest possible call time to form a claim's lease. */
    @WithDefault("2m")
    Duration leaseMargin();

    /** How often expired claims are failed as abandoned ({@code off} disables the reaper). */
    @WithDefault("60s")
    String reaperEvery();

    /**
     * The most provider calls that may be billed (or may have been: timeouts, in flight) for the tasks of one day,
     * over every dispatch and retry; an attempt past it is not sent and its pair fails {@code budget_exhausted}.
     * Unset: the active models × {@link #tasksPerDay()}, the promised fixed daily cost.
     */
    OptionalInt dailyCallBudget();

    /** Tasks the generator creates per day; with the active models it gives the default daily call budget. */
    @WithDefault("3")
    int tasksPerDay();

    /**
     * How often pairs released unsent (their provider's circuit was open) are dispatched again, the same day
     * ({@code off} disables it). Nothing runs while none is waiting.
     */
    @WithDefault("5m")
    String deferredEvery();

    /** Name written to {@code submissions.claimed_by}; defaults to host name plus a random suffix. */
    Optional<String> instanceId();

    Circuit circuit();

    /** Per-provider circuit breaker: it opens when too many recent attempts failed on the provider's side. */
    interface Circuit {
        /** Attempts in the rolling window. */
        @WithDefault("10")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the circuit stays open before letting a trial call through. */
        @WithDefault("60s")
        Duration delay();

        @WithDefault("1")
        int successThreshold();
    }
}
