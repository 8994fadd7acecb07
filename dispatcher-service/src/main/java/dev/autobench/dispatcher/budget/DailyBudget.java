package dev.autobench.dispatcher.budget;

import dev.autobench.dispatcher.catalog.ModelCatalog;
import dev.autobench.dispatcher.dispatch.DispatchConfig;
import dev.autobench.dispatcher.metrics.MeterNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The daily call budget: the configured one, or the active models × tasks per day (the fixed daily cost
 * AutoBench promises). Publishes the budget and today's count as gauges, so an alert can compare them.
 */
@ApplicationScoped
public class DailyBudget {

    private final DispatchConfig config;
    private final ModelCatalog catalog;
    private final AtomicLong budget = new AtomicLong();
    private final AtomicLong used = new AtomicLong();
    private final AtomicReference<Refusals> refusals = new AtomicReference<>(new Refusals(LocalDate.MIN, 0));

    DailyBudget(DispatchConfig config, ModelCatalog catalog, MeterRegistry registry) {
        this.config = config;
        this.catalog = catalog;
        Gauge.builder(MeterNames.DAILY_CALL_BUDGET, budget, AtomicLong::get)
                .description("Provider calls allowed per UTC day").register(registry);
        Gauge.builder(MeterNames.DAILY_CALLS, used, AtomicLong::get)
                .description("Provider calls counted against the daily budget (task day of the last attempt)")
                .register(registry);
        Gauge.builder(MeterNames.DAILY_CALLS_REFUSED, this, DailyBudget::refusedToday)
                .description("Attempts refused today (UTC) because they would have passed the daily call budget")
                .register(registry);
    }

    /** Calls allowed today. */
    public int allowed() {
        if (config.dailyCallBudget().isPresent()) {
            return config.dailyCallBudget().getAsInt();
        }
        return catalog.activeModels().size() * config.tasksPerDay();
    }

    /** An attempt was not sent because it would have passed the budget. */
    public void refused() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        refusals.updateAndGet(r -> r.day().equals(today) ? new Refusals(today, r.count() + 1) : new Refusals(today, 1));
    }

    double refusedToday() {
        Refusals r = refusals.get();
        return r.day().equals(LocalDate.now(ZoneOffset.UTC)) ? r.count() : 0;
    }

    private record Refusals(LocalDate day, long count) {
    }

    public void observed(long usedToday, int allowedToday) {
        used.set(usedToday);
        budget.set(allowedToday);
    }
}
