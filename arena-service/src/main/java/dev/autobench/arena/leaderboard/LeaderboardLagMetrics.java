package dev.autobench.arena.leaderboard;

import dev.autobench.arena.config.MeterNames;
import dev.autobench.arena.config.ArenaConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * How far the board this replica serves lags behind the votes it should count: the counted votes
 * of tasks whose arena window has closed that the served board does not include, and how long the
 * oldest of them has been countable (since the later of its storing and its task's window
 * closing). Votes of open tasks are never on the board, so they are not pending. A quiet arena
 * keeps both at zero however old the board is (the board is recomputed only when its inputs
 * change, a window closing included), so an alert on the age means "votes are waiting to be
 * counted", not "nobody voted lately".
 *
 * <p>Measured on a schedule rather than at scrape time, so a slow or absent database never stalls
 * a scrape; the gauges are NaN while the database cannot be read. The database clock measures the
 * age, the same clock that stamped the votes.
 */
@Startup
@ApplicationScoped
public class LeaderboardLagMetrics {

    private static final Logger LOG = Logger.getLogger(LeaderboardLagMetrics.class);

    private record Lag(double votes, double oldestAgeSeconds) {
    }

    private final LeaderboardSource source;
    private final LeaderboardService leaderboards;
    private final ArenaConfig config;
    private volatile Lag lag = new Lag(Double.NaN, Double.NaN);

    @Inject
    public LeaderboardLagMetrics(MeterRegistry registry, LeaderboardSource source, LeaderboardService leaderboards,
                                 ArenaConfig config) {
        this.source = source;
        this.leaderboards = leaderboards;
        this.config = config;
        Gauge.builder(MeterNames.LEADERBOARD_PENDING_VOTES, this, m -> m.lag.votes())
                .description("Counted votes of closed tasks the served leaderboard does not include yet").register(registry);
        Gauge.builder(MeterNames.LEADERBOARD_PENDING_VOTE_AGE, this, m -> m.lag.oldestAgeSeconds())
                .description("Seconds since the oldest counted vote of a closed task that the served leaderboard does not include became countable (0 when none)")
                .register(registry);
    }

    @Scheduled(identity = "leaderboard-lag", every = "${autobench.arena.leaderboard.lag-check-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        Instant servedComputedAt = leaderboards.board(null).map(served -> served.board().computedAt()).orElse(null);
        try {
            LeaderboardSource.Pending pending = source.pending(servedComputedAt, config.window());
            lag = new Lag(pending.votes(), pending.oldestAgeSeconds());
        } catch (RuntimeException e) {
            lag = new Lag(Double.NaN, Double.NaN);
            LOG.debugf("cannot measure the leaderboard lag: %s", e.getMessage());
        }
    }
}
