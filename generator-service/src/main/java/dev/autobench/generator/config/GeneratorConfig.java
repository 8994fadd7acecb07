package dev.autobench.generator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.Optional;

/** How many tasks a day, how long a template rests, and when the in-process trigger fires. */
@ConfigMapping(prefix = "autobench.generator")
public interface GeneratorConfig {

    /** Tasks created per UTC day; the database keeps at most one task per (date, slot). */
    @WithDefault("3")
    @Min(1)
    @Max(10)
    int tasksPerDay();

    /** A bank template appears at most once in any window of this many consecutive days. */
    @WithDefault("60")
    @Min(0)
    int noRepeatDays();

    /**
     * Seconds one generation transaction may last; it holds the date's lock through the author's
     * call and the trials of its reference pages. Read by {@code DailyTaskWriter}'s {@code @TransactionConfiguration}.
     */
    @WithDefault("900")
    @Min(1)
    int transactionTimeout();

    /**
     * Keys the choice of each day's templates and their variations
     * ({@code AUTOBENCH_GENERATOR_SELECTION_SECRET}, at least 32 characters, required in prod): without
     * it the public code cannot tell which tasks a future day gets. Every replica must share it.
     */
    Optional<String> selectionSecret();

    Schedule schedule();

    Author author();

    interface Schedule {

        /** Off by default: Kubernetes CronJobs trigger generation in production. */
        @WithDefault("false")
        boolean enabled();

        /** Quartz-style cron, evaluated in UTC; read by the {@code @Scheduled} trigger itself. */
        @WithDefault("0 0 0 * * ?")
        String cron();
    }

    /** The optional LLM task author: one call a day, the bank standing in whenever it fails. */
    interface Author {

        @WithDefault("false")
        boolean enabled();

        /** Provider id as in {@code models.provider}: openai, anthropic, google, deepseek, openai-compatible, demo. */
        @WithDefault("openai")
        String provider();

        /** The provider's model id; required when the author is enabled. */
        Optional<String> model();

        /** Overrides the provider's configured base URL for the author only. */
        Optional<String> baseUrl();

        /** Room for the tasks and the author's reference page for each (a few thousand tokens apiece). */
        @WithDefault("16384")
        @Min(256)
        int maxOutputTokens();

        /** How long to wait for the answer once the request is sent. */
        @WithDefault("300s")
        Duration timeout();
    }
}
