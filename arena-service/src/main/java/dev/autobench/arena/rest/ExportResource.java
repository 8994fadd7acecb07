package dev.autobench.arena.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.autobench.arena.domain.FastChatBattle;
import dev.autobench.arena.domain.VoteOutcome;
import dev.autobench.arena.repository.BattleExportRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Every counted vote as FastChat battles, one JSON object per line, streamed. */
@Path("/api/export")
public class ExportResource {

    static final String JSON_LINES = "application/jsonl";

    @Inject
    BattleExportRepository battles;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/votes")
    @Produces(JSON_LINES + "; charset=utf-8")
    @Operation(summary = "Counted votes in FastChat's battle JSON Lines format")
    public Response votes() {
        ObjectWriter writer = json.writerFor(FastChatBattle.class);
        byte[] newline = "\n".getBytes(StandardCharsets.UTF_8);
        StreamingOutput body = (OutputStream raw) -> {
            OutputStream out = new BufferedOutputStream(raw, 64 * 1024);
            battles.stream(row -> {
                FastChatBattle battle = new FastChatBattle(row.taskId().toString(), row.modelA(), row.modelB(),
                        VoteOutcome.parse(row.outcome()).orElseThrow().fastChatWinner(),
                        row.createdAt().toEpochMilli() / 1000.0, true, 1, row.category(), row.matchId().toString(),
                        row.voteId());
                out.write(writer.writeValueAsBytes(battle));
                out.write(newline);
            });
            out.flush();
        };
        return Response.ok(body, JSON_LINES + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"autobench-battles.jsonl\"")
                .header("Cache-Control", "no-cache")
                .build();
    }
}
