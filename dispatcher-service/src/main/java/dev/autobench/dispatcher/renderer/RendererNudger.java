package dev.autobench.dispatcher.renderer;

import dev.autobench.common.config.AutobenchSecurityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Tells the renderer that new code is waiting. Fire and forget: the renderer also polls, so a failed
 * nudge is logged and never fails a dispatch.
 */
@ApplicationScoped
public class RendererNudger {

    private static final Logger LOG = Logger.getLogger(RendererNudger.class);

    private final RendererApi renderer;
    private final AutobenchSecurityConfig security;
    private final Attempt attempt;
    private final String rendererUrl;

    RendererNudger(@RestClient RendererApi renderer, AutobenchSecurityConfig security, Attempt attempt,
                   RendererConfig config) {
        this.renderer = renderer;
        this.security = security;
        this.attempt = attempt;
        this.rendererUrl = config.rendererUrl();
    }

    /** Returns at once; completes when the renderer answered or the nudge was given up. */
    public CompletionStage<Void> nudge() {
        return attempt.send(renderer, security.cronSecret().orElse(""))
                .exceptionally(e -> {
                    LOG.warnf("renderer nudge to %s failed (it will still pick the work up by polling): %s", rendererUrl,
                            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                    return null;
                });
    }

    /** The guarded call, a separate bean so the fault-tolerance interceptors apply. */
    @ApplicationScoped
    static class Attempt {

        @Asynchronous
        @Timeout(value = 3, unit = ChronoUnit.SECONDS)
        @Retry(maxRetries = 1, delay = 500)
        public CompletionStage<Void> send(RendererApi renderer, String secret) {
            renderer.render(secret);
            return CompletableFuture.completedFuture(null);
        }
    }
}
