package dev.autobench.arena.voting;

import dev.autobench.arena.config.MeterNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The arena's meters, registered eagerly so that every series exists (at zero) from the first scrape.
 */
@Startup
@ApplicationScoped
public class ArenaMetrics {

    /** Reasons a vote is refused: the values of the {@code reason} tag. */
    public enum Rejection {
        FORGED, EXPIRED, DUPLICATE, RATE_LIMITED, WRONG_VOTER, INVALID;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<VoteOutcome, Counter> counted = new EnumMap<>(VoteOutcome.class);
    private final Map<VoteOutcome, Counter> uncounted = new EnumMap<>(VoteOutcome.class);
    private final Map<Rejection, Counter> rejected = new EnumMap<>(Rejection.class);
    private final Map<String, Counter> uncountedReasons = new java.util.HashMap<>();
    private final Map<dev.autobench.arena.security.ClientLimits.Limited, Counter> limited =
            new EnumMap<>(dev.autobench.arena.security.ClientLimits.Limited.class);
    private final Counter matchesServed;
    private final Counter pairsCreated;
    private final Timer leaderboardCompute;
    private final AtomicLong openMatches = new AtomicLong();
    private final AtomicReference<Instant> leaderboardComputedAt = new AtomicReference<>();
    private final Clock clock = Clock.systemUTC();

    @Inject
    public ArenaMetrics(MeterRegistry registry) {
        for (VoteOutcome outcome : VoteOutcome.values()) {
            counted.put(outcome, voteCounter(registry, outcome, true));
            uncounted.put(outcome, voteCounter(registry, outcome, false));
        }
        for (Rejection reason : Rejection.values()) {
            rejected.put(reason, Counter.builder(MeterNames.VOTES_REJECTED)
                    .description("Votes refused, by reason")
                    .tag(MeterNames.TAG_REASON, reason.tag())
                    .register(registry));
        }
        for (String reason : UNCOUNTED_REASONS) {
            uncountedReasons.put(reason, Counter.builder(MeterNames.VOTES_UNCOUNTED)
                    .description("Votes stored but not counted, by reason")
                    .tag(MeterNames.TAG_REASON, reason)
                    .register(registry));
        }
        for (dev.autobench.arena.security.ClientLimits.Limited what
                : dev.autobench.arena.security.ClientLimits.Limited.values()) {
            limited.put(what, Counter.builder(MeterNames.REQUESTS_LIMITED)
                    .description("Match requests, new voter cookies and human checks refused by the per-address limits")
                    .tag(MeterNames.TAG_WHAT, what.tag())
                    .register(registry));
        }
        for (HumanCheckOutcome outcome : HumanCheckOutcome.values()) {
            humanChecks.put(outcome, Counter.builder(MeterNames.HUMAN_CHECKS)
                    .description("Human-check tokens verified, by outcome (unavailable: the provider did not answer)")
                    .tag(MeterNames.TAG_OUTCOME, outcome.tag())
                    .register(registry));
        }
        matchesServed = Counter.builder(MeterNames.MATCHES_SERVED).description("Matches handed to voters")
                .register(registry);
        pairsCreated = Counter.builder(MeterNames.PAIRS_CREATED).description("Matches created by the pair generator")
                .register(registry);
        leaderboardCompute = Timer.builder(MeterNames.LEADERBOARD_COMPUTE)
                .description("Time to compute every leaderboard from the votes").register(registry);
        Gauge.builder(MeterNames.MATCHES_OPEN, openMatches, AtomicLong::doubleValue)
                .description("Matches of tasks inside the arena window").register(registry);
        Gauge.builder(MeterNames.LEADERBOARD_AGE, this, ArenaMetrics::leaderboardAgeSeconds)
                .description("Seconds since the leaderboard served was computed (NaN before the first)")
                .register(registry);
    }

    private static Counter voteCounter(MeterRegistry registry, VoteOutcome outcome, boolean isCounted) {
        return Counter.builder(MeterNames.VOTES).description("Votes stored, by outcome and whether they count")
                .tag(MeterNames.TAG_OUTCOME, outcome.value())
                .tag(MeterNames.TAG_COUNTED, Boolean.toString(isCounted))
                .register(registry);
    }

    public void voteStored(VoteOutcome outcome, boolean isCounted) {
        (isCounted ? counted : uncounted).get(outcome).increment();
    }

    /** Reasons a stored vote is not counted: the values of the uncounted meter's {@code reason} tag. */
    public static final java.util.List<String> UNCOUNTED_REASONS = java.util.List.of("too_fast", "young_cookie",
            "no_human_check");

    /** Outcomes of a human-check verification: the values of the human-check meter's {@code outcome} tag. */
    public enum HumanCheckOutcome {
        PASSED, FAILED, UNAVAILABLE;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<HumanCheckOutcome, Counter> humanChecks = new EnumMap<>(HumanCheckOutcome.class);

    public void humanCheck(HumanCheckOutcome outcome) {
        humanChecks.get(outcome).increment();
    }

    public void voteUncounted(String reason) {
        Counter counter = uncountedReasons.get(reason);
        if (counter != null) {
            counter.increment();
        }
    }

    public void requestLimited(dev.autobench.arena.security.ClientLimits.Limited what) {
        limited.get(what).increment();
    }

    public void voteRejected(Rejection reason) {
        rejected.get(reason).increment();
    }

    public void matchServed() {
        matchesServed.increment();
    }

    public void pairsCreated(int created) {
        pairsCreated.increment(created);
    }

    public Timer leaderboardCompute() {
        return leaderboardCompute;
    }

    public void openMatches(long count) {
        openMatches.set(count);
    }

    public void leaderboardComputedAt(Instant computedAt) {
        leaderboardComputedAt.set(computedAt);
    }

    private double leaderboardAgeSeconds() {
        Instant at = leaderboardComputedAt.get();
        return at == null ? Double.NaN : Math.max(0, clock.millis() - at.toEpochMilli()) / 1000.0;
    }
}
