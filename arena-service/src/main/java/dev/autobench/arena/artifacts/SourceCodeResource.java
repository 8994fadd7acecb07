package dev.autobench.arena.artifacts;

import dev.autobench.arena.web.ConditionalGet;
import dev.autobench.arena.web.Ids;
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
 * The source code of one side of a match, fetched only when a visitor opens it rather than sent
 * inside every match. It names no model, like the artifact it rendered into; it never changes, so
 * it is cached for good under a strong ETag. Plain text under a sandboxing CSP: never run here.
 */
@Path("/api/arena/code")
public class SourceCodeResource {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Inject
    ArtifactCache cache;

    @GET
    @Path("/{artifactId}")
    @Produces("text/plain; charset=utf-8")
    @Operation(summary = "The source code behind a rendered artifact, as plain text")
    public Uni<Response> code(@PathParam("artifactId") String id,
                              @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        UUID artifactId = Ids.parse(id, "artifact");
        return cache.get(artifactId, ArtifactCache.Kind.CODE).map(found -> {
            ArtifactCache.Body code = found
                    .orElseThrow(() -> ProblemException.notFound("No source code for artifact " + artifactId));
            return ConditionalGet.answer(ifNoneMatch, code.etag(), code.bytes(), "text/plain; charset=utf-8")
                    .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .build();
        });
    }
}
