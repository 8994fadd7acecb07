package dev.autobench.dispatcher.service;

import dev.autobench.dispatcher.domain.CallableModel;
import dev.autobench.llm.FinishReason;
import dev.autobench.llm.Provider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.math.BigDecimal;
import java.time.Duration;

import static dev.autobench.dispatcher.config.MeterNames.DISPATCH_RUNS;
import static dev.autobench.dispatcher.config.MeterNames.LLM_ANSWERS;
import static dev.autobench.dispatcher.config.MeterNames.LLM_CALLS;
import static dev.autobench.dispatcher.config.MeterNames.LLM_CALL_DURATION;
import static dev.autobench.dispatcher.config.MeterNames.LLM_COST_USD;
import static dev.autobench.dispatcher.config.MeterNames.LLM_TOKENS;
import static dev.autobench.dispatcher.config.MeterNames.PROVIDER_CIRCUIT_STATE;
import static dev.autobench.dispatcher.config.MeterNames.TAG_DIRECTION;
import static dev.autobench.dispatcher.config.MeterNames.TAG_FINISH_REASON;
import static dev.autobench.dispatcher.config.MeterNames.TAG_MODEL;
import static dev.autobench.dispatcher.config.MeterNames.TAG_OUTCOME;
import static dev.autobench.dispatcher.config.MeterNames.TAG_PROVIDER;

/** Records what calls cost and how they went. Tags carry provider and model slug, never a key. */
@ApplicationScoped
public class DispatchMetrics {

    private final MeterRegistry registry;
    private final ProviderGuards guards;

    DispatchMetrics(MeterRegistry registry, ProviderGuards guards) {
        this.registry = registry;
        this.guards = guards;
    }

    void registerCircuitGauges(@Observes StartupEvent event) {
        for (Provider provider : Provider.values()) {
            Gauge.builder(PROVIDER_CIRCUIT_STATE, guards, g -> g.circuitState(provider))
                    .description("Circuit breaker state per provider: 0 closed, 1 open, 2 half-open")
                    .tag(TAG_PROVIDER, provider.id())
                    .register(registry);
        }
    }

    /** One attempt: its outcome, and its duration when a request was really sent. */
    void attempt(CallableModel model, String outcome, Duration sentFor) {
        Counter.builder(LLM_CALLS).description("LLM call attempts by outcome")
                .tag(TAG_PROVIDER, model.provider().id()).tag(TAG_MODEL, model.slug()).tag(TAG_OUTCOME, outcome)
                .register(registry).increment();
        if (sentFor != null) {
            Timer.builder(LLM_CALL_DURATION).description("Duration of one LLM call attempt")
                    .tag(TAG_PROVIDER, model.provider().id()).tag(TAG_MODEL, model.slug())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(50))
                    .maximumExpectedValue(Duration.ofMinutes(10))
                    .register(registry).record(sentFor);
        }
    }

    void answered(CallableModel model, int inputTokens, int outputTokens, BigDecimal cost, FinishReason finish) {
        Counter.builder(LLM_ANSWERS).description("Billed answers by the provider's finish reason")
                .tag(TAG_PROVIDER, model.provider().id()).tag(TAG_MODEL, model.slug())
                .tag(TAG_FINISH_REASON, finish.raw())
                .register(registry).increment();
        tokens(model, "input").increment(inputTokens);
        tokens(model, "output").increment(outputTokens);
        Counter.builder(LLM_COST_USD).description("List-price cost of LLM answers in USD")
                .tag(TAG_PROVIDER, model.provider().id()).tag(TAG_MODEL, model.slug())
                .register(registry).increment(cost.doubleValue());
    }

    void dispatchRun(String outcome) {
        Counter.builder(DISPATCH_RUNS).description("Dispatch runs by outcome").tag(TAG_OUTCOME, outcome)
                .register(registry).increment();
    }

    private Counter tokens(CallableModel model, String direction) {
        return Counter.builder(LLM_TOKENS).description("Tokens reported by providers")
                .tag(TAG_PROVIDER, model.provider().id()).tag(TAG_MODEL, model.slug()).tag(TAG_DIRECTION, direction)
                .register(registry);
    }
}
