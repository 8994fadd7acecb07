package dev.autobench.arena.pairing;

import dev.autobench.arena.matches.MatchCacheRefresh;
import dev.autobench.arena.voting.ArenaMetrics;
import dev.autobench.arena.config.ArenaConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Pairs every two rendered submissions of each task in the arena window. Idempotent, so the
 * CronJob, the in-process schedule and any number of replicas can all run it.
 */
@ApplicationScoped
public class PairingService {

    private static final Logger LOG = Logger.getLogger(PairingService.class);

    @Inject
    PairingRepository pairs;

    @Inject
    ArenaConfig config;

    @Inject
    ArenaMetrics metrics;

    @Inject
    MatchCacheRefresh matchCache;

    Clock clock = Clock.systemUTC();

    @Transactional
    public PairingResult generate() {
        Instant cutoff = windowStart();
        int created = pairs.createMissingPairs(cutoff);
        metrics.pairsCreated(created);
        metrics.openMatches(pairs.countOpen(cutoff));
        if (created > 0) {
            LOG.infof("paired %d new matches", created);
        }
        return new PairingResult(created);
    }

    /** Every {@code autobench.arena.pairing.every} (default 10m; "off" disables it, leaving the CronJob). */
    @Scheduled(identity = "arena-pairing", every = "${autobench.arena.pairing.every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        generate();
        matchCache.refresh();
    }

    /** Keeps the open-matches gauge true as tasks leave the window between pairings. */
    @Scheduled(identity = "arena-open-matches", every = "${autobench.arena.open-matches-refresh:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refreshOpenMatches() {
        metrics.openMatches(pairs.countOpen(windowStart()));
    }

    Instant windowStart() {
        return clock.instant().minus(config.window());
    }
}
