package dev.autobench.renderer.render.api;

import dev.autobench.common.security.CronSecured;
import dev.autobench.renderer.artifact.RenderQueue;
import dev.autobench.renderer.artifact.ArtifactRepository;
import dev.autobench.renderer.render.RenderService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

    @Inject
    ArtifactRepository artifacts;

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

    @GET
    @Path("/queue")
    @CronSecured
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What is left to render",
            description = "Succeeded submissions still waiting for a renderer (no artifact, or an expired claim) and "
                    + "those a live renderer holds. ./autobench pairs only once both are 0.")
    @Parameter(name = "x-cron-secret", in = ParameterIn.HEADER, required = true)
    @APIResponse(responseCode = "200", description = "The counts, over all days")
    @APIResponse(responseCode = "401", description = "Missing or wrong x-cron-secret")
    public RenderQueue queue() {
        return artifacts.queue();
    }
}
