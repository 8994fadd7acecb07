package dev.autobench.arena.leaderboard;

import dev.autobench.arena.history.HistoryJob;
import dev.autobench.arena.web.ConditionalGet;
import dev.autobench.common.problem.ProblemException;
import dev.autobench.common.security.CronSecured;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;

/** The leaderboard, served from memory: the computation happens elsewhere (LeaderboardService). */
@Path("/api")
public class LeaderboardResource {

    @Inject
    LeaderboardService leaderboards;

    @Inject
    CustomWindowBoards customBoards;

    @Inject
    HistoryJob history;

    @Inject
    LeaderboardTimeConfig time;

    @RegisterForReflection
    public record Recomputed(Instant computedAt) {
    }

    // the snapshot is in memory as bytes: answering on the I/O thread saves the worker hand-off,
    // which was most of this endpoint's cost under load (see docs/benchmarks.md); only a custom
    // from–to, computed on request, moves to a worker
    @GET
    @Path("/leaderboard")
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bradley–Terry ratings with 95% intervals (?category= for one task category; "
            + "?window=7d|30d|90d|all or ?from=YYYY-MM-DD&to=YYYY-MM-DD for the votes of those task days)")
    public Uni<RestResponse<byte[]>> leaderboard(@QueryParam("category") String category, @QueryParam("window") String window,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        BoardSelection selection = BoardSelection.parse(window, from, to, time.custom().maxDays());
        if (selection.custom()) {
            return Uni.createFrom().item(() -> answer(customBoards.board(selection.from(), selection.to(), category),
                            ifNoneMatch))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return Uni.createFrom().item(answer(served(category, selection.window()), ifNoneMatch));
    }

    @GET
    @Path("/leaderboard.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "The leaderboard as CSV (?category=, ?window= or ?from=&to= as for /api/leaderboard)")
    public Response csv(@QueryParam("category") String category, @QueryParam("window") String window,
                        @QueryParam("from") String from, @QueryParam("to") String to) {
        BoardSelection selection = BoardSelection.parse(window, from, to, time.custom().maxDays());
        LeaderboardService.Served served = selection.custom()
                ? customBoards.board(selection.from(), selection.to(), category)
                : served(category, selection.window());
        Leaderboard board = served.board();
        String covers = board.from() == null ? "" : "-" + board.from() + "_" + board.to();
        String name = "autobench-leaderboard-" + board.category().replaceAll("[^A-Za-z0-9_-]", "_") + covers + ".csv";
        return Response.ok(LeaderboardCsv.write(board), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(WINDOW_HEADER, board.window() + (board.from() == null ? "" : ";from=" + board.from() + ";to=" + board.to()))
                .build();
    }

    /** Which task days a CSV covers (the JSON says it in its window, from and to fields). */
    static final String WINDOW_HEADER = "Leaderboard-Window";

    private static RestResponse<byte[]> answer(LeaderboardService.Served served, String ifNoneMatch) {
        return ConditionalGet.bytes(ifNoneMatch, served.entityTag(), served.json())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    @POST
    @Path("/leaderboard/recompute")
    @CronSecured
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recompute the leaderboards now, and the history's missing closed days (at most days-per-run); normally a schedule does it")
    public Recomputed recompute() {
        Recomputed recomputed = new Recomputed(leaderboards.refresh(true));
        history.advance();
        return recomputed;
    }

    private LeaderboardService.Served served(String category, String window) {
        return leaderboards.board(category, window)
                .orElseThrow(() -> ProblemException.notFound("No leaderboard for category '" + category + "'"));
    }
}
