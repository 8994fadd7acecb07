package dev.autobench.arena.artifacts;

import dev.autobench.arena.web.ConditionalGet;
import dev.autobench.arena.web.Ids;
import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/**
 * Serves LLM-written pages. They are hostile: the CSP sandboxes the document into an opaque
 * origin (no allow-same-origin) even when opened directly, and forbids every network fetch.
 *
 * <p>A sandboxed document that is itself the top page may still navigate itself anywhere (a
 * phishing page on our domain). So a top-level navigation to an artifact ({@code Sec-Fetch-Dest:
 * document}) gets a small wrapper page instead, which frames the artifact in a sandbox without
 * {@code allow-top-navigation} and allows frames only from its own origin; the iframe's own request
 * ({@code Sec-Fetch-Dest: iframe}) gets the artifact. Both answers vary on that header.
 *
 * <p>The bytes come from {@link ArtifactCache}: in memory after the first request, so the common
 * case is answered on the event loop without the database.
 */
@Path("/api/artifacts")
public class ArtifactResource {

    static final String ARTIFACT_CSP = "sandbox allow-scripts; default-src 'none'; "
            + "script-src 'unsafe-inline' 'unsafe-eval' blob: data:; style-src 'unsafe-inline'; "
            + "img-src data: blob:; media-src data: blob:; font-src data:; connect-src 'none'; "
            + "form-action 'none'; base-uri 'none'; frame-ancestors 'self'";
    /**
     * On a separate artifact origin the arena's pages (another origin) frame the artifacts. That
     * origin holds no cookies and no API, so being framed elsewhere exposes nothing not public.
     */
    static final String ARTIFACT_CSP_SEPARATE_ORIGIN = ARTIFACT_CSP.replace("frame-ancestors 'self'", "frame-ancestors *");
    /** The wrapper runs no script; its only frame is the artifact, from this origin. */
    static final String WRAPPER_CSP = "default-src 'none'; frame-src 'self'; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String WRAPPER = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>AutoBench artifact (sandboxed)</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>html,body{margin:0;height:100%%}iframe{display:block;border:0;width:100%%;height:100%%}</style>
            </head><body><iframe sandbox="allow-scripts" referrerpolicy="no-referrer"
            title="LLM-written page, sandboxed" src="/api/artifacts/%s"></iframe></body></html>
            """;
    static final String FETCH_DEST = "Sec-Fetch-Dest";
    /** An artifact's HTML never changes under its sha256 ETag. */
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /**
     * A screenshot may be re-captured under the same URL, so it is only cached for a while; its
     * strong ETag (the hash of its bytes) makes the revalidation a 304.
     */
    private static final String REVALIDATE_HOURLY = "public, max-age=3600";

    @Inject
    ArtifactCache cache;

    @Inject
    ArenaConfig config;

    @GET
    @Path("/{id}")
    @Produces("text/html; charset=utf-8")
    @Operation(summary = "The rendered artifact page, to be shown only in a sandbox=\"allow-scripts\" iframe")
    public Uni<Response> html(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                              @HeaderParam(FETCH_DEST) String fetchDest) {
        UUID artifactId = Ids.parse(id, "artifact");
        return cache.get(artifactId, ArtifactCache.Kind.HTML).map(found -> {
            ArtifactCache.Body artifact = found
                    .orElseThrow(() -> ProblemException.notFound("No rendered artifact " + artifactId));
            if ("document".equalsIgnoreCase(fetchDest)) {
                return hardened(Response.ok(WRAPPER.formatted(artifactId), "text/html; charset=utf-8"), "no-cache")
                        .header("Content-Security-Policy", WRAPPER_CSP)
                        .header("X-Frame-Options", "DENY")
                        .header(HttpHeaders.VARY, FETCH_DEST).build();
            }
            Response.ResponseBuilder response =
                    ConditionalGet.answer(ifNoneMatch, artifact.etag(), artifact.bytes(), "text/html; charset=utf-8");
            return hardened(response, IMMUTABLE)
                    .header("Content-Security-Policy",
                            config.artifactBaseUrl().isPresent() ? ARTIFACT_CSP_SEPARATE_ORIGIN : ARTIFACT_CSP)
                    .header(HttpHeaders.VARY, FETCH_DEST).build();
        });
    }

    @GET
    @Path("/{id}/screenshot.png")
    @Produces("image/png")
    @Operation(summary = "The renderer's screenshot of the artifact")
    public Uni<Response> screenshot(@PathParam("id") String id,
                                    @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        UUID artifactId = Ids.parse(id, "artifact");
        return cache.get(artifactId, ArtifactCache.Kind.SCREENSHOT).map(found -> {
            ArtifactCache.Body shot = found
                    .orElseThrow(() -> ProblemException.notFound("No screenshot for artifact " + artifactId));
            Response.ResponseBuilder response =
                    ConditionalGet.answer(ifNoneMatch, shot.etag(), shot.bytes(), "image/png");
            return hardened(response, REVALIDATE_HOURLY)
                    .header("Content-Security-Policy", "default-src 'none'; sandbox").build();
        });
    }

    private Response.ResponseBuilder hardened(Response.ResponseBuilder response, String cacheControl) {
        // the arena's pages load screenshots from the artifact origin when it is a separate one
        return response.header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cross-Origin-Resource-Policy",
                        config.artifactBaseUrl().isPresent() ? "cross-origin" : "same-origin");
    }
}
