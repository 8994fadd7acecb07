package dev.autobench.arena.service;

import java.util.UUID;

/** Where the public API serves an artifact; relative, so they work behind any host name. */
public final class ArtifactUrls {

    private ArtifactUrls() {
    }

    public static String html(UUID artifactId) {
        return "/api/artifacts/" + artifactId;
    }

    public static String screenshot(UUID artifactId) {
        return "/api/artifacts/" + artifactId + "/screenshot.png";
    }
}
