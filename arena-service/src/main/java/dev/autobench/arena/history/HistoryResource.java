package dev.autobench.arena.history;

import dev.autobench.arena.leaderboard.LeaderboardService;
import dev.autobench.arena.leaderboard.LeaderboardSnapshot;
import dev.autobench.arena.leaderboard.LeaderboardTimeConfig;
import dev.autobench.arena.web.ConditionalGet;
import dev.autobench.common.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Ratings over time, from the stored per-day history (computed by {@link HistoryJob}, never per request). */
@Path("/api/leaderboard/history")
public class HistoryResource {

    @Inject
    HistoryService history;

    @Inject
    LeaderboardService leaderboards;

    @Inject
    LeaderboardTimeConfig time;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Each model's rating per closed day over the trailing window ending that day "
            + "(?category=, ?trailing= days, one of the configured windows)")
    public Response history(@QueryParam("category") String category, @QueryParam("trailing") String trailing,
                            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        List<Integer> windows = time.history().trailingDays();
        int days = windows.get(0);
        if (trailing != null && !trailing.isBlank()) {
            try {
                days = Integer.parseInt(trailing.strip());
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (!windows.contains(days)) {
                throw ProblemException.badRequest("trailing must be one of " + windows + " (days)");
            }
        }
        String name = category == null || category.isBlank() ? LeaderboardSnapshot.ALL : category;
        if (leaderboards.board(name).isEmpty()) {
            throw ProblemException.notFound("No leaderboard for category '" + category + "'");
        }
        HistoryService.Served served = history.history(name, days);
        return ConditionalGet.answer(ifNoneMatch, served.etag(), served.json(), MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }
}
