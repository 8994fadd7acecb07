package dev.autobench.arena.export;

import dev.autobench.arena.web.ConditionalGet;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
        return ConditionalGet.answer(ifNoneMatch, generation.sha256(), generation.file(), JSON_LINES + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"autobench-battles.jsonl\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }
}
