package dev.autobench.arena.humancheck;

import dev.autobench.arena.config.ArenaConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.Optional;

/**
 * The human check's settings, checked at start: an enabled check without its site key, its secret or
 * a valid script URL would leave every vote uncounted, so the service refuses to start instead.
 */
@Startup
@ApplicationScoped
public class HumanCheckSettings {

    private final ArenaConfig.HumanCheck config;
    private final String scriptOrigin;

    @Inject
    public HumanCheckSettings(ArenaConfig arena) {
        this.config = arena.humanCheck();
        if (!config.enabled()) {
            scriptOrigin = null;
            return;
        }
        if (config.siteKey().filter(k -> !k.isBlank()).isEmpty()
                || config.secret().filter(k -> !k.isBlank()).isEmpty()) {
            throw new IllegalStateException("autobench.arena.human-check.enabled needs"
                    + " AUTOBENCH_ARENA_HUMAN_CHECK_SITE_KEY and AUTOBENCH_ARENA_HUMAN_CHECK_SECRET");
        }
        scriptOrigin = origin(config.scriptUrl(), "script-url");
        origin(config.verifyUrl(), "verify-url");
    }

    private static String origin(String url, String key) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("autobench.arena.human-check." + key + " is not a URL: " + url, e);
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalStateException("autobench.arena.human-check." + key + " must be an http(s) URL: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The origin the pages must allow scripts and frames from, when the check is on. */
    public Optional<String> scriptOrigin() {
        return Optional.ofNullable(scriptOrigin);
    }

    public ArenaConfig.HumanCheck config() {
        return config;
    }
}
