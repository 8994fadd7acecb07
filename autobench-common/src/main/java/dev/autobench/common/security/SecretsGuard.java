package dev.autobench.common.security;

import dev.autobench.common.config.AutobenchSecurityConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Refuses to start a production service whose machine endpoints would be open to anyone, or whose
 * machine or admin endpoints are guarded by a secret short enough to guess. The admin token may be
 * absent (admin endpoints are then disabled) but never short.
 */
@ApplicationScoped
public class SecretsGuard {

    static final int MIN_SECRET_LENGTH = 16;
    private static final Logger LOG = Logger.getLogger(SecretsGuard.class);

    @Inject
    AutobenchSecurityConfig config;

    void onStart(@Observes StartupEvent event) {
        check(config, LaunchMode.current());
    }

    static void check(AutobenchSecurityConfig config, LaunchMode mode) {
        String secret = config.cronSecret().orElse("");
        if (mode == LaunchMode.NORMAL && secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("AUTOBENCH_CRON_SECRET must be set to at least " + MIN_SECRET_LENGTH
                    + " characters in production; machine endpoints would otherwise be unprotected");
        }
        if (secret.isBlank()) {
            LOG.warn("AUTOBENCH_CRON_SECRET is not set: every machine endpoint answers 401");
        }
        String admin = config.adminToken().orElse("");
        if (mode == LaunchMode.NORMAL && !admin.isBlank() && admin.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("AUTOBENCH_ADMIN_TOKEN must be at least " + MIN_SECRET_LENGTH
                    + " characters in production (or unset, which disables admin endpoints)");
        }
        if (admin.isBlank()) {
            LOG.info("AUTOBENCH_ADMIN_TOKEN is not set: admin endpoints are disabled (401)");
        }
    }
}
