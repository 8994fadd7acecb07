package dev.autobench.dispatcher.dispatch.api;

import dev.autobench.common.problem.ProblemException;
import dev.autobench.common.security.AdminSecured;
import dev.autobench.common.security.CronSecured;
import dev.autobench.dispatcher.dispatch.DispatchService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
    public DispatchSummary dispatch(String body) {
        // a JSON body goes to dispatchTasks; a body of another type must not silently mean "every task"
        if (body != null && !body.isBlank()) {
            throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "send no body, or {\"taskIds\": [...]} as application/json");
        }
        return dispatch.dispatch();
    }

    @POST
    @CronSecured
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Call every active model once for each given task, or every generated task without taskIds "
            + "(x-cron-secret)")
    public DispatchSummary dispatchTasks(@Valid DispatchRequest request) {
        // an empty body and {} both mean every generated task
        return dispatch.dispatch(request == null ? null : request.taskIds());
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
