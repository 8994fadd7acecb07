package dev.autobench.dispatcher.renderer;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The renderer's machine endpoint ({@code quarkus.rest-client.renderer.url}, from AUTOBENCH_RENDERER_URL). */
@RegisterRestClient(configKey = "renderer")
@Path("/api/render")
interface RendererApi {

    @POST
    void render(@HeaderParam("x-cron-secret") String cronSecret);
}
