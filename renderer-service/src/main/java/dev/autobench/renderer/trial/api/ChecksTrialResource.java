package dev.autobench.renderer.trial.api;

import dev.autobench.renderer.trial.ChecksTrial;

import dev.autobench.common.checks.CheckTrialRequest;
import dev.autobench.common.checks.CheckTrialResult;
import dev.autobench.common.security.CronSecured;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/checks/trial")
public class ChecksTrialResource {

    private final ChecksTrial trial;

    public ChecksTrialResource(ChecksTrial trial) {
        this.trial = trial;
    }

    @POST
    @CronSecured
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run acceptance checks on a reference page",
            description = "The generator proves an authored task's checks on its author's reference page before the"
                    + " task is published. Rendered like a submission, in the same isolated browser; stored nowhere.")
    @Parameter(name = "x-cron-secret", in = ParameterIn.HEADER, required = true)
    @APIResponse(responseCode = "200", description = "Each check's result on the page")
    @APIResponse(responseCode = "400", description = "No page, a page over the size limit, or invalid checks")
    @APIResponse(responseCode = "401", description = "Missing or wrong x-cron-secret")
    @APIResponse(responseCode = "413", description = "The body is larger than the service accepts")
    @APIResponse(responseCode = "503", description = "No browser on this renderer, or it is stopping; Retry-After")
    public CheckTrialResult run(CheckTrialRequest request) {
        return trial.run(request);
    }
}
