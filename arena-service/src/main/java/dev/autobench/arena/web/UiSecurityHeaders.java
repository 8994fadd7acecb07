package dev.autobench.arena.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import dev.autobench.arena.humancheck.HumanCheckSettings;
import dev.autobench.arena.artifacts.ArtifactUrls;

/**
 * Puts the web UI (the static pages under {@code META-INF/resources}) under a strict CSP of its own:
 * scripts, styles and frames only from this origin, nothing inline, no framing by others. The pages
 * embed LLM-written artifacts in sandboxed iframes, so this is the wall between hostile code and the
 * voter's session.
 *
 * <p>The API is left alone: {@code /api/artifacts/*} carries its own sandbox CSP, and a second CSP
 * header there (policies intersect) would forbid the arena from framing it.
 */
@Singleton
public class UiSecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = policy("", "");

    /**
     * The UI's CSP; {@code artifactOrigin} (or "") is also allowed to be framed and to serve images,
     * {@code humanCheckOrigin} (or "") to serve the human-check widget's script and its frame.
     */
    static String policy(String artifactOrigin, String humanCheckOrigin) {
        String extra = artifactOrigin.isEmpty() ? "" : " " + artifactOrigin;
        String check = humanCheckOrigin.isEmpty() ? "" : " " + humanCheckOrigin;
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'" + check,
                "style-src 'self'",
                "img-src 'self' data:" + extra,
                "frame-src 'self'" + extra + check,
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    @Inject
    ArtifactUrls artifactUrls;

    @Inject
    HumanCheckSettings humanCheck;

    private String contentSecurityPolicy = CONTENT_SECURITY_POLICY;

    /** Runs before the static-resource handler (higher priority runs first). */
    private static final int PRIORITY = 100;

    void register(@Observes Filters filters) {
        // computed once at start, so a malformed artifact base URL stops the service there
        contentSecurityPolicy = policy(artifactUrls.origin().orElse(""), humanCheck.scriptOrigin().orElse(""));
        filters.register(this::addHeaders, PRIORITY);
    }

    void addHeaders(RoutingContext context) {
        if (isUiPath(context.normalizedPath())) {
            MultiMap headers = context.response().headers();
            headers.set("Content-Security-Policy", contentSecurityPolicy);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        }
        context.next();
    }

    /** Everything except the API and the Quarkus management endpoints is part of the UI. */
    static boolean isUiPath(String path) {
        return path != null
                && !path.equals("/api") && !path.startsWith("/api/")
                && !path.equals("/q") && !path.startsWith("/q/");
    }
}
