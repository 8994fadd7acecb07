package dev.autobench.dispatcher.metrics;

import dev.autobench.dispatcher.call.ProviderGuards;
import dev.autobench.dispatcher.catalog.CallableModel;
import dev.autobench.llm.client.FinishReason;
import dev.autobench.llm.metrics.LlmCallMeters;
import dev.autobench.llm.provider.Provider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.math.BigDecimal;
import java.time.Duration;

import static dev.autobench.dispatcher.metrics.MeterNames.DISPATCH_RUNS;
import static dev.autobench.dispatcher.metrics.MeterNames.PROVIDER_CIRCUIT_STATE;
import static dev.autobench.dispatcher.metrics.MeterNames.TAG_OUTCOME;
import static dev.autobench.dispatcher.metrics.MeterNames.TAG_PROVIDER;

/**
 * Records what calls cost and how they went (through llm-clients' {@link LlmCallMeters}, tagged with the model's
 * slug), the providers' circuits and the dispatch runs. Tags carry provider and model slug, never a key.
 */
@ApplicationScoped
public class DispatchMetrics {

    private final MeterRegistry registry;
    private final ProviderGuards guards;
    private final LlmCallMeters calls;

    DispatchMetrics(MeterRegistry registry, ProviderGuards guards, LlmCallMeters calls) {
        this.registry = registry;
        this.guards = guards;
        this.calls = calls;
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
    public void attempt(CallableModel model, String outcome, Duration sentFor) {
        calls.attempt(model.provider().id(), model.slug(), outcome, sentFor);
    }

    public void answered(CallableModel model, int inputTokens, int outputTokens, BigDecimal cost, FinishReason finish) {
        calls.answered(model.provider().id(), model.slug(), inputTokens, outputTokens, cost, finish);
    }

    public void dispatchRun(String outcome) {
        Counter.builder(DISPATCH_RUNS).description("Dispatch runs by outcome").tag(TAG_OUTCOME, outcome)
                .register(registry).increment();
    }
}
