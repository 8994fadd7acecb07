package dev.autobench.dispatcher.metrics;

import dev.autobench.llm.metrics.LlmCallMeters;

/**
 * Every meter the dispatcher publishes besides the provider calls' (llm-clients' {@link LlmCallMeters}, shared
 * with the generator's task author); the SRE dashboard and alerts are written against these names.
 */
public final class MeterNames {

    /** Gauge, tag provider: 0 closed, 1 open, 2 half-open. */
    public static final String PROVIDER_CIRCUIT_STATE = "autobench.provider.circuit.state";
    /** Gauge, tag status: submissions in the database (refreshed at most every 30 s). */
    public static final String SUBMISSIONS = "autobench.submissions";
    /** Gauge, tag status: today's (UTC) tasks by status. */
    public static final String TASKS_TODAY = "autobench.tasks.today";
    /** Counter, tag outcome (completed|failed). */
    public static final String DISPATCH_RUNS = "autobench.dispatch.runs";

    /** Gauge: the day's call budget in force at the last attempt. */
    public static final String DAILY_CALL_BUDGET = "autobench.dispatch.daily.call.budget";
    /** Gauge: calls counted against the budget of the task day of the last attempt. */
    public static final String DAILY_CALLS = "autobench.dispatch.daily.calls";
    /** Gauge: attempts refused today (UTC) because they would have passed the budget; the alert reads it. */
    public static final String DAILY_CALLS_REFUSED = "autobench.dispatch.daily.calls.refused";

    /** Gauge, tag provider: list-price USD of the answers stored today (UTC), from the database. */
    public static final String PROVIDER_SPEND_TODAY_USD = "autobench.provider.spend.today.usd";
    /** Gauge: the configured daily spend budget in USD (NaN when none is set); the spend alert reads it. */
    public static final String PROVIDER_SPEND_DAILY_BUDGET_USD = "autobench.provider.spend.daily.budget.usd";

    public static final String TAG_PROVIDER = LlmCallMeters.TAG_PROVIDER;
    public static final String TAG_OUTCOME = LlmCallMeters.TAG_OUTCOME;
    public static final String TAG_STATUS = "status";

    private MeterNames() {
    }
}
