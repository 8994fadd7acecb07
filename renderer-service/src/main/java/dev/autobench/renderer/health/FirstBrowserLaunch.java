package dev.autobench.renderer.health;

import dev.autobench.renderer.chromium.ChromiumRenderer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Launches a browser once at start, in the background, and again with a growing pause until one works: the
 * readiness check stays DOWN until then, so no traffic (and no render) reaches a replica whose Chromium cannot
 * start on this node. Without Chromium there is nothing to launch and nothing to wait for.
 */
@ApplicationScoped
public class FirstBrowserLaunch {

    private static final Logger LOG = Logger.getLogger(FirstBrowserLaunch.class);
    private static final long FIRST_PAUSE_MS = 1_000;
    private static final long LONGEST_PAUSE_MS = 30_000;

    @Inject
    ChromiumRenderer chromium;

    private volatile String lastFailure = "not tried yet";
    private Thread launcher;

    void onStart(@Observes StartupEvent event) {
        if (!chromium.available()) {
            return;
        }
        launcher = new Thread(this::launchUntilOneWorks, "first-browser-launch");
        launcher.setDaemon(true);
        launcher.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (launcher != null) {
            launcher.interrupt();
        }
    }

    /** Why the last launch failed, while none has worked yet. */
    public String lastFailure() {
        return lastFailure;
    }

    private void launchUntilOneWorks() {
        long pause = FIRST_PAUSE_MS;
        while (!chromium.launchedOnce() && !Thread.currentThread().isInterrupted()) {
            try {
                String product = chromium.probeLaunch();
                LOG.infof("first browser launch worked (%s): ready to render", product);
                return;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                lastFailure = String.valueOf(e.getMessage());
                LOG.warnf("browser launch failed, not ready; trying again in %d ms: %s", pause, lastFailure);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
        }
    }
}
