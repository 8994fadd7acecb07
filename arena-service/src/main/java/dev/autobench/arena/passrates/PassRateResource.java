package dev.autobench.arena.passrates;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Does it work? Pass rates of the acceptance checks, beside the votes' ratings. */
@Path("/api/pass-rates")
public class PassRateResource {

    @Inject
    PassRateService passRates;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Share of each model's checked pages that passed every acceptance check, with 95% Wilson "
            + "intervals, per model and per category, and how often voters preferred the page that passed more "
            + "checks; closed tasks only")
    public PassRates passRates() {
        return passRates.passRates();
    }
}
