package dev.autobench.arena.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * How far the board this replica serves lags behind the votes: the counted votes stored after it
 * was computed, and the age of the oldest of them. A quiet arena keeps both at zero however old
 * the board is (the board is recomputed only when votes change), so an alert on the age means
 * "votes are waiting to be counted", not "nobody voted lately".
 *
 * <p>Measured on a schedule rather than at scrape time, so a slow or absent database never stalls
 * a scrape; the gauges are NaN while the database cannot be read. The database clock measures the
 * age, the same clock that stamped the votes.
 */
@Startup
@ApplicationScoped
public class LeaderboardLagMetrics {

    private static final Logger LOG = Logger.getLogger(LeaderboardLagMetrics.class);

    /*
     * A vote is included when it was stored before the computation that made the served board
     * started (the computation reads the votes after taking its timestamp).
     */
    private static final String PENDING = """
            SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)
            FROM votes WHERE counted AND (?::timestamptz IS NULL OR created_at > ?::timestamptz)
            """;

    private record Lag(double votes, double oldestAgeSeconds) {
    }

    private final DataSource dataSource;
    private final LeaderboardService leaderboards;
    private volatile Lag lag = new Lag(Double.NaN, Double.NaN);

    @Inject
    public LeaderboardLagMetrics(MeterRegistry registry, DataSource dataSource, LeaderboardService leaderboards) {
        this.dataSource = dataSource;
        this.leaderboards = leaderboards;
        Gauge.builder(MeterNames.LEADERBOARD_PENDING_VOTES, this, m -> m.lag.votes())
                .description("Counted votes the served leaderboard does not include yet").register(registry);
        Gauge.builder(MeterNames.LEADERBOARD_PENDING_VOTE_AGE, this, m -> m.lag.oldestAgeSeconds())
                .description("Age of the oldest counted vote the served leaderboard does not include (0 when none)")
                .register(registry);
    }

    @Scheduled(identity = "leaderboard-lag", every = "${autobench.arena.leaderboard.lag-check-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        Instant servedComputedAt = leaderboards.board(null).map(served -> served.board().computedAt()).orElse(null);
        Timestamp since = servedComputedAt == null ? null : Timestamp.from(servedComputedAt);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(PENDING)) {
            st.setTimestamp(1, since);
            st.setTimestamp(2, since);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                lag = new Lag(rs.getLong(1), rs.getDouble(2));
            }
        } catch (SQLException | RuntimeException e) {
            lag = new Lag(Double.NaN, Double.NaN);
            LOG.debugf("cannot measure the leaderboard lag: %s", e.getMessage());
        }
    }
}
