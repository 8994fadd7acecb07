package dev.autobench.renderer.render;

import dev.autobench.renderer.render.api.RenderSummary;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The safety net behind {@code POST /api/render}: a missed nudge from the dispatcher, or a claim left behind by a
 * crashed replica, is picked up within one period. {@code autobench.renderer.poll-interval=off} disables it.
 */
@ApplicationScoped
public class RenderPoller {

    private static final Logger LOG = Logger.getLogger(RenderPoller.class);

    @Inject
    RenderService renders;

    @Scheduled(identity = "render-poll", every = "${autobench.renderer.poll-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renderPending() {
        RenderSummary summary = renders.renderPending();
        if (summary.rendered() + summary.failed() > 0) {
            LOG.infof("poll rendered %d, failed %d", summary.rendered(), summary.failed());
        }
    }

    /** Keeps the queue-depth gauge honest even when polling is off and nobody calls the endpoint. */
    @Scheduled(identity = "render-queue-depth", every = "${autobench.renderer.queue-depth-refresh:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshQueueDepth() {
        renders.refreshQueueDepth();
    }
}
