package dev.autobench.common.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * The two shared secrets of the HTTP contract, read from {@code AUTOBENCH_CRON_SECRET} and
 * {@code AUTOBENCH_ADMIN_TOKEN}.
 */
@ConfigMapping(prefix = "autobench")
public interface AutobenchSecurityConfig {

    /** Value the {@code x-cron-secret} header must carry on machine endpoints. */
    Optional<String> cronSecret();

    /** Bearer token of admin endpoints; without one, admin endpoints refuse everybody. */
    Optional<String> adminToken();
}
