package dev.autobench.dispatcher.budget;

import dev.autobench.dispatcher.metrics.StatusGauges;
import dev.autobench.llm.provider.Provider;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.autobench.dispatcher.metrics.MeterNames.PROVIDER_SPEND_DAILY_BUDGET_USD;
import static dev.autobench.dispatcher.metrics.MeterNames.PROVIDER_SPEND_TODAY_USD;
import static dev.autobench.dispatcher.metrics.MeterNames.TAG_PROVIDER;

/**
 * Today's (UTC) provider spend per provider, read from the database: the list-price cost of every
 * answer stored today, whichever dispatcher pod stored it, and surviving restarts (a counter's
 * increase over a day would miss the first call of each series after a restart, and the day's calls
 * come in one burst). Cached like {@link StatusGauges}: a scrape never queries the database.
 */
@ApplicationScoped
public class DailySpendGauges {

    private static final Logger LOG = Logger.getLogger(DailySpendGauges.class);

    private final EntityManager em;
    private final MeterRegistry registry;
    private final SpendConfig config;
    private final Clock clock = Clock.systemUTC();
    // Micrometer holds gauges weakly: this field keeps the values alive.
    private final Map<Provider, AtomicReference<Double>> spend = new EnumMap<>(Provider.class);

    DailySpendGauges(EntityManager em, MeterRegistry registry, SpendConfig config) {
        this.em = em;
        this.registry = registry;
        this.config = config;
        for (Provider provider : Provider.values()) {
            spend.put(provider, new AtomicReference<>(0.0));
        }
    }

    void register(@Observes StartupEvent event) {
        spend.forEach((provider, value) -> Gauge.builder(PROVIDER_SPEND_TODAY_USD, value, AtomicReference::get)
                .description("List-price USD of the provider answers stored today (UTC)")
                .tag(TAG_PROVIDER, provider.id()).register(registry));
        Gauge.builder(PROVIDER_SPEND_DAILY_BUDGET_USD, config,
                        c -> c.dailyBudgetUsd().map(java.math.BigDecimal::doubleValue).orElse(Double.NaN))
                .description("The daily provider spend budget in USD (NaN: none set)")
                .register(registry);
        refresh();
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        Instant midnight = LocalDate.now(clock).atStartOfDay().toInstant(ZoneOffset.UTC);
        try {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            SELECT m.provider, sum(s.cost_usd) AS spent FROM submissions s JOIN models m ON m.id = s.model_id
                            WHERE s.finished_at >= :midnight AND s.cost_usd IS NOT NULL GROUP BY m.provider""", Tuple.class)
                    .setParameter("midnight", midnight)
                    .getResultList());
            Map<Provider, Double> today = new EnumMap<>(Provider.class);
            for (Tuple row : rows) {
                Provider.fromId(row.get("provider", String.class))
                        .ifPresent(p -> today.put(p, row.get("spent", Number.class).doubleValue()));
            }
            spend.forEach((provider, value) -> value.set(today.getOrDefault(provider, 0.0)));
        } catch (RuntimeException e) {
            LOG.warnf("could not refresh the daily spend gauges: %s", e.getMessage());
        }
    }
}
