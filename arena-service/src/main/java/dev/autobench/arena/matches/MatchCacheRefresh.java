package dev.autobench.arena.matches;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Keeps the in-memory open matches and judged sets in step with the database, every
 * {@code autobench.arena.match-cache.refresh-every}. While the last read failed (the database is
 * away) no match is served from memory: a vote on it could not be stored, and the match request
 * fails as the read did (a 503 with Retry-After when the database is unreachable).
 */
@ApplicationScoped
public class MatchCacheRefresh {

    private static final Logger LOG = Logger.getLogger(MatchCacheRefresh.class);

    @Inject
    OpenMatches open;

    @Inject
    JudgedMatches judged;

    void onStart(@Observes StartupEvent start) {
        refresh();
    }

    @Scheduled(identity = "arena-match-cache", every = "${autobench.arena.match-cache.refresh-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        refresh();
    }

    private volatile RuntimeException lastFailure;

    public void refresh() {
        try {
            open.refresh();
            judged.refresh();
            lastFailure = null;
        } catch (RuntimeException e) {
            lastFailure = e;
            LOG.warnf("could not re-read the open matches: %s", e.toString());
        }
    }

    /** Why the last read failed; null when it succeeded. */
    public RuntimeException lastFailure() {
        return lastFailure;
    }
}
