package dev.autobench.arena.leaderboard;

import dev.autobench.arena.web.ConditionalGet;
import dev.autobench.common.problem.ProblemException;
import dev.autobench.common.security.CronSecured;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;

/** The leaderboard, served from memory: the computation happens elsewhere (LeaderboardService). */
@Path("/api")
public class LeaderboardResource {

    @Inject
    LeaderboardService leaderboards;

    @RegisterForReflection
    public record Recomputed(Instant computedAt) {
    }

    // the snapshot is in memory as bytes: answering on the I/O thread saves the worker hand-off,
    // which was most of this endpoint's cost under load (see docs/benchmarks.md)
    @GET
    @Path("/leaderboard")
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bradley–Terry ratings with 95% intervals (?category= for one task category)")
    public Response leaderboard(@QueryParam("category") String category,
                                @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        LeaderboardService.Served served = served(category);
        String etag = served.etag().substring(1, served.etag().length() - 1);
        return ConditionalGet.answer(ifNoneMatch, etag, served.json(), MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    @GET
    @Path("/leaderboard.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "The leaderboard as CSV (?category= for one task category)")
    public Response csv(@QueryParam("category") String category) {
        LeaderboardService.Served served = served(category);
        String name = "autobench-leaderboard-" + served.board().category().replaceAll("[^A-Za-z0-9_-]", "_") + ".csv";
        return Response.ok(LeaderboardCsv.write(served.board()), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    @POST
    @Path("/leaderboard/recompute")
    @CronSecured
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recompute the leaderboards now (operators, tests); normally a schedule does it")
    public Recomputed recompute() {
        return new Recomputed(leaderboards.refresh(true));
    }

    private LeaderboardService.Served served(String category) {
        return leaderboards.board(category)
                .orElseThrow(() -> ProblemException.notFound("No leaderboard for category '" + category + "'"));
    }
}
