package dev.autobench.generator.metrics;

import dev.autobench.generator.task.TaskOrigin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The generator's meters, all named here (an SRE dashboard and alerts are written against these
 * names). Counters are registered at start so they read 0 rather than being absent.
 */
@Startup
@ApplicationScoped
public class GeneratorMetrics {

    public static final String TASKS_GENERATED = "autobench.tasks.generated";
    public static final String GENERATION_FAILURES = "autobench.task.generation.failures";
    public static final String LAST_SUCCESS = "autobench.task.generation.last.success.timestamp.seconds";
    public static final String AUTHOR_FALLBACKS = "autobench.task.author.fallbacks";
    public static final String AUTHOR_CHECKS_DROPPED = "autobench.task.author.checks.dropped";

    public static final String TAG_SOURCE = "source";
    public static final String TAG_REASON = "reason";

    /** Why a generation failed: the database, the task source, or anything else. */
    public enum FailureReason {
        DATABASE, SOURCE, INTERNAL;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<TaskOrigin, Counter> generated = new EnumMap<>(TaskOrigin.class);
    private final Map<FailureReason, Counter> failures = new EnumMap<>(FailureReason.class);
    private final Counter authorFallbacks;
    private final Counter authorChecksDropped;
    // Micrometer holds gauges weakly: this field keeps the value alive.
    private final AtomicLong lastSuccessEpochSeconds = new AtomicLong();

    public GeneratorMetrics(MeterRegistry registry) {
        for (TaskOrigin origin : TaskOrigin.values()) {
            generated.put(origin, Counter.builder(TASKS_GENERATED)
                    .description("Tasks created, by where they came from")
                    .tag(TAG_SOURCE, origin.wire())
                    .register(registry));
        }
        for (FailureReason reason : FailureReason.values()) {
            failures.put(reason, Counter.builder(GENERATION_FAILURES)
                    .description("Generation requests that failed, by reason")
                    .tag(TAG_REASON, reason.tag())
                    .register(registry));
        }
        authorFallbacks = Counter.builder(AUTHOR_FALLBACKS)
                .description("Days the LLM task author failed or answered invalid tasks and the bank stood in")
                .register(registry);
        authorChecksDropped = Counter.builder(AUTHOR_CHECKS_DROPPED)
                .description("Checks an LLM task author wrote that its own reference page failed, dropped before"
                        + " the task was published")
                .register(registry);
        Gauge.builder(LAST_SUCCESS, lastSuccessEpochSeconds, AtomicLong::get)
                .description("Epoch seconds of the last successful generation (0 = none known)")
                .register(registry);
    }

    public void generated(TaskOrigin origin, int count) {
        if (count > 0) {
            generated.get(origin).increment(count);
        }
    }

    public void failed(FailureReason reason) {
        failures.get(reason).increment();
    }

    public void authorFellBack() {
        authorFallbacks.increment();
    }

    public void authorChecksDropped(int count) {
        if (count > 0) {
            authorChecksDropped.increment(count);
        }
    }

    /** Moves the timestamp forward only, so a restore from the database never hides a newer success. */
    public void succeededAt(Instant when) {
        lastSuccessEpochSeconds.accumulateAndGet(when.getEpochSecond(), Math::max);
    }
}
