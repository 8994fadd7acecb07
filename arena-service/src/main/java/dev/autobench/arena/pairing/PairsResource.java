package dev.autobench.arena.pairing;

import dev.autobench.arena.matches.MatchCacheRefresh;
import dev.autobench.common.security.CronSecured;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The CronJob's trigger for the pair generator. */
@Path("/api/pairs")
@Produces(MediaType.APPLICATION_JSON)
public class PairsResource {

    @Inject
    PairingService pairing;

    @Inject
    MatchCacheRefresh matchCache;

    @POST
    @Path("/generate")
    @CronSecured
    @Operation(summary = "Create the missing matches of every task in the arena window (idempotent)")
    public PairingResult generate() {
        PairingResult result = pairing.generate();
        // the new matches are served by this replica at once, by the others at their next re-read
        matchCache.refresh();
        return result;
    }
}
