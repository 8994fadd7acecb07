package dev.autobench.dispatcher.dispatch;

import dev.autobench.dispatcher.claim.ClaimGate;
import dev.autobench.dispatcher.submission.SubmissionStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Pairs released because their provider's circuit was open were never sent: they are dispatched again
 * automatically (every {@code autobench.dispatch.deferred-every}, 5 minutes by default) until their provider
 * answers, so a short provider outage at dispatch time does not cost the provider its day.
 */
@ApplicationScoped
public class DeferredDispatch {

    private static final Logger LOG = Logger.getLogger(DeferredDispatch.class);

    private final SubmissionStore store;
    private final DispatchService dispatch;
    private final ClaimGate gate;

    DeferredDispatch(SubmissionStore store, DispatchService dispatch, ClaimGate gate) {
        this.store = store;
        this.dispatch = dispatch;
        this.gate = gate;
    }

    @Scheduled(every = "${autobench.dispatch.deferred-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (gate.isOpen() && store.countReleased() > 0) {
            LOG.info("dispatching pairs released while their provider's circuit was open");
            dispatch.dispatch();
        }
    }
}
