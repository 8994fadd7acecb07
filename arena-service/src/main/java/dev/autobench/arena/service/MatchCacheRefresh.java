package dev.autobench.arena.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Keeps the in-memory open matches and judged sets in step with the database, every
 * {@code autobench.arena.match-cache.refresh-every}. A failed read keeps what was read before: the
 * arena goes on serving the matches it knows while the database is away.
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

    public void refresh() {
        try {
            open.refresh();
            judged.refresh();
        } catch (RuntimeException e) {
            LOG.warnf("could not re-read the open matches (serving the last ones read): %s", e.toString());
        }
    }
}
