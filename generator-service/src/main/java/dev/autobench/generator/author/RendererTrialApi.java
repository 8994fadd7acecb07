package dev.autobench.generator.author;

import dev.autobench.common.checks.CheckTrialRequest;
import dev.autobench.common.checks.CheckTrialResult;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The renderer's checks trial ({@code quarkus.rest-client.renderer.url}, from AUTOBENCH_RENDERER_URL). */
@RegisterRestClient(configKey = "renderer")
@Path("/api/checks/trial")
interface RendererTrialApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CheckTrialResult trial(@HeaderParam("x-cron-secret") String cronSecret, CheckTrialRequest request);
}
