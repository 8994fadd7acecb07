package dev.autobench.arena.leaderboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** The leaderboard over time, under {@code autobench.arena.leaderboard.time.*}. */
@ConfigMapping(prefix = "autobench.arena.leaderboard.time")
public interface LeaderboardTimeConfig {

    /**
     * Bootstrap rounds of the 7d/30d/90d boards and of a custom from–to board. Fewer than the
     * board of every vote: each recompute makes three windowed boards per category besides it,
     * and 200 rounds put a 95% interval's ends within a few Elo points of 1000 rounds' (see
     * docs/benchmarks.md for what the windows cost).
     */
    @WithDefault("200")
    int windowBootstrapRounds();

    Custom custom();

    History history();

    /**
     * A board over any from–to is computed on request, so it is bounded: one computation at a time
     * per replica (another request meanwhile gets 503 with Retry-After), results kept in a bounded
     * cache until the next stored batch, and a longest range.
     */
    interface Custom {
        /** The longest from–to range, in days (both ends included). */
        @WithDefault("366")
        int maxDays();

        /** Custom boards kept per replica (least recently used dropped first); a new batch empties the cache. */
        @WithDefault("64")
        int cacheSize();

        /** What the 503 of a busy replica tells the client to wait. */
        @WithDefault("5s")
        Duration retryAfter();
    }

    /**
     * Ratings per closed day over a trailing window ending that day (the rating-over-time chart),
     * computed once per day by a scheduled job and stored in {@code leaderboard_history}.
     */
    interface History {
        /** How often to look for closed days not computed yet ("off": only the recompute endpoint). */
        @WithDefault("60s")
        String every();

        /** The trailing windows computed, in days; {@code GET /api/leaderboard/history?trailing=} takes one of them. */
        @WithDefault("30")
        List<Integer> trailingDays();

        /** Most days computed per run and trailing window, newest first, so a long backfill spreads over runs. */
        @WithDefault("31")
        int daysPerRun();

        /** Bootstrap rounds of each day's intervals (0: ratings without intervals). */
        @WithDefault("100")
        int bootstrapRounds();
    }
}
