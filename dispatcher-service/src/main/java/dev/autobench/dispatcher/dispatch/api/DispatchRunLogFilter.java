package dev.autobench.dispatcher.dispatch.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;

/**
 * Gives each dispatch request an id, dispatch_run, in the MDC of the request's thread: the run's own
 * lines (start, summary, the renderer nudge) carry it. Per-pair lines carry the pair's ids instead
 * (DispatchLogContext), since pairs run on the providers' bulkhead threads.
 */
public class DispatchRunLogFilter {

    public static final String DISPATCH_RUN = "dispatch_run";

    @ServerRequestFilter
    public void runStarts(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/api/dispatch")) {
            MDC.put(DISPATCH_RUN, UUID.randomUUID().toString());
        }
    }

    @ServerResponseFilter
    public void runEnds(ContainerResponseContext response) {
        MDC.remove(DISPATCH_RUN);
    }
}
