package dev.autobench.dispatcher.claim;

import dev.autobench.dispatcher.dispatch.DispatchService;
import dev.autobench.dispatcher.metrics.StatusGauges;
import dev.autobench.dispatcher.submission.SubmissionStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Claims left 'calling' past their lease belong to a process that died (or hung): they become failed
 * 'abandoned'. They are never called again automatically, because the lost attempt may have been
 * billed; an operator may re-dispatch one with {@code POST /api/dispatch/retry}.
 */
@ApplicationScoped
public class LeaseReaper {

    private static final Logger LOG = Logger.getLogger(LeaseReaper.class);

    private final SubmissionStore store;
    private final DispatchService dispatch;
    private final StatusGauges gauges;

    LeaseReaper(SubmissionStore store, DispatchService dispatch, StatusGauges gauges) {
        this.store = store;
        this.dispatch = dispatch;
        this.gauges = gauges;
    }

    @Scheduled(every = "${autobench.dispatch.reaper-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        reap();
    }

    /** One pass; returns how many tasks had claims abandoned. */
    public int reap() {
        List<UUID> tasks = store.abandonExpired();
        if (!tasks.isEmpty()) {
            LOG.warnf("lease reaper: abandoned expired claims on %d task(s) %s; they will not be re-called automatically",
                    tasks.size(), tasks);
            dispatch.completeTasks(tasks);
            gauges.refresh();
        }
        return tasks.size();
    }
}
