package dev.autobench.dispatcher.call;

import dev.autobench.dispatcher.dispatch.DispatchConfig;
import dev.autobench.llm.client.LlmCallException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Which failed attempts are tried again and after how long. */
@ApplicationScoped
public class RetryPolicy {

    private final DispatchConfig config;

    RetryPolicy(DispatchConfig config) {
        this.config = config;
    }

    /** Only failures the provider cannot have billed, and only within the attempt budget of this run. */
    boolean shouldRetry(LlmCallException failure, int attemptsSoFarThisRun) {
        return failure.kind().retryable() && attemptsSoFarThisRun < config.maxAttempts();
    }

    /** Retry-After when the provider gave one (capped), else exponential backoff with a little jitter. */
    Duration delayBefore(int nextAttemptOfRun, LlmCallException failure) {
        if (failure.retryAfter().isPresent()) {
            Duration asked = failure.retryAfter().get();
            return asked.compareTo(config.retryAfterCap()) > 0 ? config.retryAfterCap() : asked;
        }
        long base = config.initialBackoff().toMillis() << Math.min(20, Math.max(0, nextAttemptOfRun - 2));
        long capped = Math.min(base, config.maxBackoff().toMillis());
        long jitter = capped <= 1 ? 0 : ThreadLocalRandom.current().nextLong(capped / 5 + 1);
        return Duration.ofMillis(capped + jitter);
    }

    /**
     * How long a claim may stay 'calling': every attempt timing out plus every wait between them, plus a
     * margin. Past it, the reaper assumes the process died.
     */
    public Duration lease(Duration callTimeout) {
        int attempts = config.maxAttempts();
        Duration longestWait = config.retryAfterCap().compareTo(config.maxBackoff()) > 0
                ? config.retryAfterCap() : config.maxBackoff().plus(config.maxBackoff().dividedBy(5));
        return callTimeout.multipliedBy(attempts).plus(longestWait.multipliedBy(attempts - 1L)).plus(config.leaseMargin());
    }
}
