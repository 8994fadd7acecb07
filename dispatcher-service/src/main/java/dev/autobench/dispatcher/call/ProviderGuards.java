package dev.autobench.dispatcher.call;

import dev.autobench.dispatcher.dispatch.DispatchConfig;
import dev.autobench.llm.provider.Provider;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per provider: a bulkhead (a bounded pool its calls queue on, so one slow provider cannot starve the
 * others) and a SmallRye Fault Tolerance circuit breaker that stops calling a provider that keeps failing.
 */
@ApplicationScoped
public class ProviderGuards {

    private static final Logger LOG = Logger.getLogger(ProviderGuards.class);

    private final Map<Provider, Guard> circuits = new EnumMap<>(Provider.class);
    private final Map<Provider, ExecutorService> bulkheads = new EnumMap<>(Provider.class);
    private final CircuitBreakerMaintenance maintenance;

    ProviderGuards(DispatchConfig config, CircuitBreakerMaintenance maintenance) {
        this.maintenance = maintenance;
        DispatchConfig.Circuit circuit = config.circuit();
        for (Provider provider : Provider.values()) {
            circuits.put(provider, Guard.create()
                    .withCircuitBreaker()
                    .name(circuitName(provider))
                    .requestVolumeThreshold(circuit.requestVolumeThreshold())
                    .failureRatio(circuit.failureRatio())
                    .delay(circuit.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(circuit.successThreshold())
                    .when(t -> t instanceof SentAttemptFailed f && FailureMapping.isProviderFault(f.failure().kind()))
                    .onStateChange(s -> LOG.infof("circuit of provider %s is now %s", provider.id(),
                            s.name().toLowerCase(java.util.Locale.ROOT)))
                    .done()
                    .build());
            bulkheads.put(provider, pool(provider, config.bulkheadPerProvider()));
        }
    }

    /** Runs one attempt through the provider's circuit; an open circuit throws CircuitBreakerOpenException. */
    SentAttempt call(Provider provider, Callable<SentAttempt> attempt) throws Exception {
        return circuits.get(provider).call(attempt, SentAttempt.class);
    }

    public ExecutorService bulkhead(Provider provider) {
        return bulkheads.get(provider);
    }

    /** 0 closed, 1 open, 2 half-open. */
    public int circuitState(Provider provider) {
        try {
            return gaugeValue(maintenance.currentState(circuitName(provider)));
        } catch (IllegalArgumentException notYetRegistered) {
            return 0;
        }
    }

    static String circuitName(Provider provider) {
        return "autobench-provider-" + provider.id();
    }

    @PreDestroy
    void shutdown() {
        bulkheads.values().forEach(ExecutorService::shutdownNow);
    }

    private static int gaugeValue(CircuitBreakerState state) {
        return switch (state) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
        };
    }

    private static ExecutorService pool(Provider provider, int size) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "llm-" + provider.id() + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
