package dev.autobench.arena.rest;

import dev.autobench.arena.repository.ArtifactRepository;
import dev.autobench.common.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/**
 * Serves LLM-written pages. They are hostile: the CSP sandboxes the document into an opaque
 * origin (no allow-same-origin) even when opened directly, and forbids every network fetch.
 */
@Path("/api/artifacts")
public class ArtifactResource {

    static final String ARTIFACT_CSP = "sandbox allow-scripts; default-src 'none'; "
            + "script-src 'unsafe-inline' 'unsafe-eval' blob: data:; style-src 'unsafe-inline'; "
            + "img-src data: blob:; media-src data: blob:; font-src data:; connect-src 'none'; "
            + "form-action 'none'; base-uri 'none'; frame-ancestors 'self'";
    /** An artifact's HTML never changes under its sha256 ETag. */
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** A screenshot may be re-captured, so it is only cached for a while. */
    private static final String REVALIDATE_HOURLY = "public, max-age=3600";

    @Inject
    ArtifactRepository artifacts;

    @GET
    @Path("/{id}")
    @Produces("text/html; charset=utf-8")
    @Transactional
    @Operation(summary = "The rendered artifact page, to be shown only in a sandbox=\"allow-scripts\" iframe")
    public Response html(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        UUID artifactId = Ids.parse(id, "artifact");
        ArtifactRepository.Html artifact = artifacts.html(artifactId)
                .orElseThrow(() -> ProblemException.notFound("No rendered artifact " + artifactId));
        EntityTag tag = new EntityTag(artifact.sha256());
        Response.ResponseBuilder response = matches(ifNoneMatch, tag)
                ? Response.notModified(tag)
                : Response.ok(artifact.html(), "text/html; charset=utf-8").tag(tag);
        return hardened(response, IMMUTABLE).header("Content-Security-Policy", ARTIFACT_CSP).build();
    }

    @GET
    @Path("/{id}/screenshot.png")
    @Produces("image/png")
    @Transactional
    @Operation(summary = "The renderer's screenshot of the artifact")
    public Response screenshot(@PathParam("id") String id,
                               @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        UUID artifactId = Ids.parse(id, "artifact");
        ArtifactRepository.Screenshot shot = artifacts.screenshot(artifactId)
                .orElseThrow(() -> ProblemException.notFound("No screenshot for artifact " + artifactId));
        EntityTag tag = new EntityTag(shot.sha256() + "-png");
        Response.ResponseBuilder response = matches(ifNoneMatch, tag)
                ? Response.notModified(tag)
                : Response.ok(shot.png(), "image/png").tag(tag);
        return hardened(response, REVALIDATE_HOURLY)
                .header("Content-Security-Policy", "default-src 'none'; sandbox").build();
    }

    private static Response.ResponseBuilder hardened(Response.ResponseBuilder response, String cacheControl) {
        return response.header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cross-Origin-Resource-Policy", "same-origin");
    }

    static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("*") || value.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }
}
