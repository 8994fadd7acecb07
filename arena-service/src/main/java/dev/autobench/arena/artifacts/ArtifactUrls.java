package dev.autobench.arena.artifacts;

import dev.autobench.arena.config.ArenaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the public API serves an artifact. Relative by default, so the URLs work behind any host
 * name; under {@code autobench.arena.artifact-base-url} absolute on that separate origin, so that
 * LLM-written pages never run on the arena's own origin.
 */
@ApplicationScoped
public class ArtifactUrls {

    @Inject
    ArenaConfig config;

    public String html(UUID artifactId) {
        return base() + "/api/artifacts/" + artifactId;
    }

    public String screenshot(UUID artifactId) {
        return html(artifactId) + "/screenshot.png";
    }

    /**
     * The source code behind an artifact, on the arena's own origin: the match page fetches it only
     * when the visitor opens it, and it is plain text, never run.
     */
    public String code(UUID artifactId) {
        return "/api/arena/code/" + artifactId;
    }

    /** The artifact origin ({@code scheme://host[:port]}) when one is configured. */
    public Optional<String> origin() {
        return config.artifactBaseUrl().map(ArtifactUrls::originOf);
    }

    private String base() {
        return config.artifactBaseUrl().map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElse("");
    }

    static String originOf(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("autobench.arena.artifact-base-url is not a URL: " + url, e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalStateException("autobench.arena.artifact-base-url must be an http(s) URL with a host: " + url);
        }
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
