package dev.autobench.renderer.health;

import dev.autobench.renderer.chromium.ChromiumInstallation;
import dev.autobench.renderer.chromium.ChromiumLocator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says whether screenshots are possible. Stays UP without Chromium on purpose: the service still stores every
 * hardened page, which is what the arena shows; only the gallery thumbnails are missing, and the detail says so.
 */
@Readiness
@ApplicationScoped
public class ChromiumReadinessCheck implements HealthCheck {

    @Inject
    ChromiumLocator locator;

    @Override
    public HealthCheckResponse call() {
        ChromiumInstallation chromium = locator.installation();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Chromium")
                .up()
                .withData("chromium", chromium.available() ? "available" : "missing")
                .withData("detail", chromium.detail());
        chromium.binary().ifPresent(path -> response.withData("path", path.toString()));
        if (chromium.version() != null) {
            response.withData("version", chromium.version());
        }
        if (!chromium.available()) {
            response.withData("screenshots", "unavailable: artifacts are stored without a screenshot");
        }
        return response.build();
    }
}
