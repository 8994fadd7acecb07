package dev.autobench.llm.metrics;

import dev.autobench.llm.client.FailureKind;
import dev.autobench.llm.client.FinishReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The meters of provider calls, for every service that calls a model: one name set, so the
 * dashboard's provider panels and the error-ratio alert see the dispatcher's submissions and the
 * generator's task author alike (the {@code service} tag tells them apart). Tags carry provider and
 * model, never a key.
 */
@ApplicationScoped
public class LlmCallMeters {

    /** Counter, tags provider, model, outcome: one per HTTP attempt (or prevented attempt). */
    public static final String LLM_CALLS = "autobench.llm.calls";
    /** Timer with percentile histogram, tags provider, model: duration of each HTTP attempt. */
    public static final String LLM_CALL_DURATION = "autobench.llm.call.duration";
    /** Counter, tags provider, model, direction (input|output). */
    public static final String LLM_TOKENS = "autobench.llm.tokens";
    /** Counter, tags provider, model, finish_reason: billed answers. */
    public static final String LLM_ANSWERS = "autobench.llm.answers";
    /** Counter, tags provider, model: list-price cost of answered calls. */
    public static final String LLM_COST_USD = "autobench.llm.cost.usd";

    public static final String TAG_PROVIDER = "provider";
    public static final String TAG_MODEL = "model";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_DIRECTION = "direction";
    public static final String TAG_FINISH_REASON = "finish_reason";

    /** The outcome tag of an answered attempt; failures carry their {@code FailureKind} tag. */
    public static final String SUCCESS = "success";

    private final MeterRegistry registry;

    public LlmCallMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One attempt: its outcome, and its duration when a request was really sent (null otherwise). */
    public void attempt(String provider, String model, String outcome, Duration sentFor) {
        Counter.builder(LLM_CALLS).description("LLM call attempts by outcome")
                .tag(TAG_PROVIDER, provider).tag(TAG_MODEL, model).tag(TAG_OUTCOME, outcome)
                .register(registry).increment();
        if (sentFor != null) {
            Timer.builder(LLM_CALL_DURATION).description("Duration of one LLM call attempt")
                    .tag(TAG_PROVIDER, provider).tag(TAG_MODEL, model)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(50))
                    .maximumExpectedValue(Duration.ofMinutes(10))
                    .register(registry).record(sentFor);
        }
    }

    /** A billed answer: its finish reason, tokens, and its cost when the model's price is known (else null). */
    public void answered(String provider, String model, int inputTokens, int outputTokens, BigDecimal cost,
                         FinishReason finish) {
        Counter.builder(LLM_ANSWERS).description("Billed answers by the provider's finish reason")
                .tag(TAG_PROVIDER, provider).tag(TAG_MODEL, model).tag(TAG_FINISH_REASON, finish.raw())
                .register(registry).increment();
        tokens(provider, model, "input").increment(inputTokens);
        tokens(provider, model, "output").increment(outputTokens);
        if (cost != null) {
            Counter.builder(LLM_COST_USD).description("List-price cost of LLM answers in USD")
                    .tag(TAG_PROVIDER, provider).tag(TAG_MODEL, model)
                    .register(registry).increment(cost.doubleValue());
        }
    }

    private Counter tokens(String provider, String model, String direction) {
        return Counter.builder(LLM_TOKENS).description("Tokens reported by providers")
                .tag(TAG_PROVIDER, provider).tag(TAG_MODEL, model).tag(TAG_DIRECTION, direction)
                .register(registry);
    }
}
