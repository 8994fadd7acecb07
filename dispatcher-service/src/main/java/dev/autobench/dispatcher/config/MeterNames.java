package dev.autobench.dispatcher.config;

/** Every meter the dispatcher publishes; the SRE dashboard and alerts are written against these names. */
public final class MeterNames {

    /** Counter, tags provider, model, outcome: one per HTTP attempt (or prevented attempt). */
    public static final String LLM_CALLS = "autobench.llm.calls";
    /** Timer with percentile histogram, tags provider, model: duration of each HTTP attempt. */
    public static final String LLM_CALL_DURATION = "autobench.llm.call.duration";
    /** Counter, tags provider, model, direction (input|output). */
    public static final String LLM_TOKENS = "autobench.llm.tokens";
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

    public static final String TAG_PROVIDER = "provider";
    public static final String TAG_MODEL = "model";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_DIRECTION = "direction";
    public static final String TAG_STATUS = "status";

    private MeterNames() {
    }
}
