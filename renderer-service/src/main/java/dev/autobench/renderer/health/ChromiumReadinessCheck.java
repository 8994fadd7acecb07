package dev.autobench.renderer.health;

import dev.autobench.renderer.chromium.ChromiumInstallation;
import dev.autobench.renderer.chromium.ChromiumLocator;
import dev.autobench.renderer.chromium.ChromiumRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says whether screenshots are possible. With Chromium installed, DOWN until a first browser launch has worked
 * (a node where it cannot start must not take renders). Stays UP without Chromium on purpose: the service still
 * stores every hardened page, which is what the arena shows; only the gallery thumbnails are missing, and the
 * detail says so.
 */
@Readiness
@ApplicationScoped
public class ChromiumReadinessCheck implements HealthCheck {

    @Inject
    ChromiumLocator locator;

    @Inject
    ChromiumRenderer renderer;

    @Inject
    FirstBrowserLaunch firstLaunch;

    @Override
    public HealthCheckResponse call() {
        ChromiumInstallation chromium = locator.installation();
        boolean waiting = chromium.available() && !renderer.launchedOnce();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Chromium")
                .status(!waiting)
                .withData("chromium", chromium.available() ? "available" : "missing")
                .withData("detail", chromium.detail());
        chromium.binary().ifPresent(path -> response.withData("path", path.toString()));
        if (chromium.version() != null) {
            response.withData("version", chromium.version());
        }
        if (waiting) {
            response.withData("launch", "waiting for a first browser launch to work; last failure: "
                    + firstLaunch.lastFailure());
        }
        if (!chromium.available()) {
            response.withData("screenshots", "unavailable: artifacts are stored without a screenshot");
        }
        return response.build();
    }
}
