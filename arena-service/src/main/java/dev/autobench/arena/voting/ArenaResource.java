package dev.autobench.arena.voting;

import dev.autobench.arena.matches.ArenaMatch;
import dev.autobench.arena.humancheck.HumanCheckRequest;
import dev.autobench.arena.humancheck.HumanCheckStatus;
import dev.autobench.arena.humancheck.HumanChecks;
import dev.autobench.arena.security.ClientAddress;
import dev.autobench.arena.security.ClientLimits;
import dev.autobench.arena.security.Voter;
import dev.autobench.arena.security.VoterCookies;
import dev.autobench.arena.matches.MatchService;
import dev.autobench.arena.myvotes.MyVotesService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Optional;

/** The voting loop: get an anonymous match, vote on it, later see who was who (my votes). */
@Path("/api/arena")
@Produces(MediaType.APPLICATION_JSON)
public class ArenaResource {

    @Inject
    MatchService matches;

    @Inject
    VoteService votes;

    @Inject
    MyVotesService myVotes;

    @Inject
    VoterCookies cookies;

    @Inject
    ClientAddress clientAddress;

    @Inject
    ClientLimits limits;

    @Inject
    HumanChecks humanChecks;

    @GET
    @Path("/match")
    @Operation(summary = "The next anonymous match for this voter (sets the voter cookie on first visit)")
    @APIResponse(responseCode = "200", description = "A match and its vote token",
            content = @Content(schema = @Schema(implementation = ArenaMatch.class)))
    @APIResponse(responseCode = "204", description = "This voter has voted on every open match")
    @APIResponse(responseCode = "429", description = "Too many matches or new voters from this network; see Retry-After")
    public Uni<Response> next(@Context HttpHeaders headers, @Context HttpServerRequest http) {
        Voter voter = cookies.verifyOrCreate(cookieValue(headers));
        String ipHash = clientAddress.ipHash(http);
        if (voter.fresh()) {
            limits.admitNewCookie(ipHash);
        }
        limits.admitMatch(ipHash);
        // from memory on the event loop; on a worker thread only when the database must be read
        Uni<Response> answer = Uni.createFrom().item(() -> matchResponse(voter));
        return matches.needsDatabase(voter) ? answer.runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) : answer;
    }

    private Response matchResponse(Voter voter) {
        Optional<byte[]> match = matches.nextFor(voter);
        Response.ResponseBuilder response = match
                .map(json -> Response.ok(json, MediaType.APPLICATION_JSON_TYPE))
                .orElseGet(Response::noContent)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (voter.fresh()) {
            response.cookie(cookies.cookieFor(voter));
        }
        return response.build();
    }

    @GET
    @Path("/my-votes")
    @Operation(summary = "This voter's past votes (by the voter cookie); who was who only for closed tasks")
    @APIResponse(responseCode = "200", description = "Newest first; empty without a voter cookie")
    public Response myVotes(@Context HttpHeaders headers) {
        return noStore(Response.ok(myVotes.of(knownVoter(headers))));
    }

    @POST
    @Path("/votes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Vote on a served match; answers with the choice and when the names will be public")
    @APIResponse(responseCode = "201", description = "Stored; counted=false when cast too fast")
    @APIResponse(responseCode = "400", description = "Malformed body or unknown outcome")
    @APIResponse(responseCode = "403", description = "Forged, expired or another voter's token, or the task's window has closed")
    @APIResponse(responseCode = "409", description = "Already voted on this match")
    @APIResponse(responseCode = "429", description = "Too many votes; see Retry-After")
    public Response vote(VoteRequest request, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        VoteReceipt receipt = votes.vote(request, knownVoter(headers), clientAddress.ipHash(http));
        return noStore(Response.status(Response.Status.CREATED).entity(receipt));
    }

    @GET
    @Path("/human-check")
    @Operation(summary = "Whether votes count only after a human check, and whether this browser has passed it")
    @APIResponse(responseCode = "200", description = "The check's state and the widget's site key and script")
    public Response humanCheck(@Context HttpHeaders headers) {
        HumanCheckStatus status = humanChecks.status(knownVoter(headers));
        return noStore(Response.ok(status));
    }

    @POST
    @Path("/human-check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pass the human check with the widget's token; this browser's votes count from then on")
    @APIResponse(responseCode = "200", description = "Passed; the voter cookie now carries the check")
    @APIResponse(responseCode = "400", description = "No token, or a malformed body")
    @APIResponse(responseCode = "403", description = "The provider did not accept the token")
    @APIResponse(responseCode = "404", description = "This arena asks for no human check")
    @APIResponse(responseCode = "429", description = "Too many checks or new voters from this network; see Retry-After")
    @APIResponse(responseCode = "503", description = "The provider could not be asked; see Retry-After")
    public Response passHumanCheck(HumanCheckRequest request, @Context HttpHeaders headers,
                                   @Context HttpServerRequest http) {
        String token = humanChecks.validToken(request);
        String ipHash = clientAddress.ipHash(http);
        limits.admitHumanCheck(ipHash);
        Voter voter = cookies.verifyOrCreate(cookieValue(headers));
        if (voter.fresh()) {
            limits.admitNewCookie(ipHash);
        }
        Voter checked = humanChecks.pass(token, voter);
        return noStore(Response.ok(humanChecks.status(checked)).cookie(cookies.cookieFor(checked)));
    }

    /** The voter of a valid cookie; null without one (these endpoints never hand out a cookie). */
    private Voter knownVoter(HttpHeaders headers) {
        return cookies.verify(cookieValue(headers)).orElse(null);
    }

    /** Answers about one voter are never stored by a cache. */
    private static Response noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private String cookieValue(HttpHeaders headers) {
        jakarta.ws.rs.core.Cookie cookie = headers.getCookies().get(cookies.cookieName());
        return cookie == null ? null : cookie.getValue();
    }
}
