package dev.autobench.dispatcher.config;

/** Every meter the dispatcher publishes; the SRE dashboard and alerts are written against these names. */
public final class MeterNames {

    /** Counter, tags provider, model, outcome: one per HTTP attempt (or prevented attempt). */
    public static final String LLM_CALLS = "autobench.llm.calls";
    /** Timer with percentile histogram, tags provider, model: duration of each HTTP attempt. */
    public static final String LLM_CALL_DURATION = "autobench.llm.call.duration";
    /** Counter, tags provider, model, direction (input|output). */
    public static final String LLM_TOKENS = "autobench.llm.tokens";
    /** Counter, tags provider, model, finish_reason: billed answers (empty and unparsable ones included). */
    public static final String LLM_ANSWERS = "autobench.llm.answers";
    /** Counter, tags provider, model: list-price cost of answered calls. */
    public static final String LLM_COST_USD = "autobench.llm.cost.usd";
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

    public static final String TAG_PROVIDER = "provider";
    public static final String TAG_MODEL = "model";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_DIRECTION = "direction";
    public static final String TAG_STATUS = "status";
    public static final String TAG_FINISH_REASON = "finish_reason";

    private MeterNames() {
    }
}
