package dev.autobench.renderer.rest;

import dev.autobench.common.security.CronSecured;
import dev.autobench.renderer.domain.RenderSummary;
import dev.autobench.renderer.service.RenderService;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/render")
public class RenderResource {

    @Inject
    RenderService renders;

    @POST
    @CronSecured
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Render every succeeded submission that has no artifact yet",
            description = "Each submission is rendered once, however many calls run at once. Returns when done.")
    @Parameter(name = "x-cron-secret", in = ParameterIn.HEADER, required = true)
    @APIResponse(responseCode = "200", description = "What this call stored")
    @APIResponse(responseCode = "401", description = "Missing or wrong x-cron-secret")
    public RenderSummary render() {
        return renders.renderPending();
    }
}
