package dev.autobench.dispatcher.rest;

import dev.autobench.common.security.AdminSecured;
import dev.autobench.common.security.CronSecured;
import dev.autobench.dispatcher.domain.DispatchSummary;
import dev.autobench.dispatcher.domain.RetryRequest;
import dev.autobench.dispatcher.domain.RetryResult;
import dev.autobench.dispatcher.service.DispatchService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/dispatch")
@Produces(MediaType.APPLICATION_JSON)
public class DispatchResource {

    private final DispatchService dispatch;

    DispatchResource(DispatchService dispatch) {
        this.dispatch = dispatch;
    }

    @POST
    @CronSecured
    @Operation(summary = "Call every active model once for every generated task (x-cron-secret)")
    public DispatchSummary dispatch() {
        return dispatch.dispatch();
    }

    @POST
    @Path("/retry")
    @AdminSecured
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-dispatch one failed (task, model) pair on purpose (admin; force re-calls a possibly billed one)")
    public RetryResult retry(@Valid @NotNull RetryRequest request) {
        return dispatch.retry(request);
    }
}
