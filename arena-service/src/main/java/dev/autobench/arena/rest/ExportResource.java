package dev.autobench.arena.rest;

import dev.autobench.arena.service.VotesExport;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The counted votes of every task that has left the arena window, as FastChat battles, one JSON
 * object per line. Served from a file regenerated off the request path (VotesExport), never
 * streamed from the database while a client reads.
 */
@Path("/api/export")
public class ExportResource {

    static final String JSON_LINES = "application/jsonl";

    @Inject
    VotesExport export;

    @GET
    @Path("/votes")
    @Produces(JSON_LINES + "; charset=utf-8")
    @Operation(summary = "Counted votes of closed tasks in FastChat's battle JSON Lines format; ETag")
    public Response votes(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        VotesExport.Generation generation = export.current();
        EntityTag tag = new EntityTag(generation.sha256());
        Response.ResponseBuilder response = ArtifactResource.matches(ifNoneMatch, tag)
                ? Response.notModified(tag)
                : Response.ok(generation.file(), JSON_LINES + "; charset=utf-8").tag(tag)
                        .header("Content-Disposition", "attachment; filename=\"autobench-battles.jsonl\"");
        return response.header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }
}
