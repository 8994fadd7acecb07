package dev.autobench.dispatcher.claim;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Closes as soon as the process is asked to stop (SIGTERM, before Quarkus' graceful shutdown waits for the
 * running dispatch): from then on no new pair is claimed, while calls already in flight finish and are
 * stored within the pod's termination grace period. Unclaimed pairs are left to the next dispatch.
 */
@ApplicationScoped
public class ClaimGate {

    private static final Logger LOG = Logger.getLogger(ClaimGate.class);

    private volatile boolean closed;

    void onStart(@Observes StartupEvent event) {
        // a JVM shutdown hook runs at SIGTERM, alongside (not after) Quarkus' own shutdown
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "autobench-stop-claiming"));
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    /** Whether new pairs may still be claimed. */
    public boolean isOpen() {
        return !closed;
    }

    void close() {
        if (!closed) {
            closed = true;
            LOG.info("shutting down: no new pair is claimed; calls in flight finish");
        }
    }
}
