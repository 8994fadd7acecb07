package dev.autobench.common.security;

import dev.autobench.common.config.AutobenchSecurityConfig;
import dev.autobench.common.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Guards every {@link CronSecured} endpoint of every service. Application-scoped so that the
 * secret is read at run time, not when REST filters are built at static init.
 */
@Provider
@ApplicationScoped
@CronSecured
@Priority(Priorities.AUTHENTICATION)
public class CronSecretFilter implements ContainerRequestFilter {

    public static final String HEADER = "x-cron-secret";

    @Inject
    AutobenchSecurityConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        String presented = request.getHeaderString(HEADER);
        if (!SecretComparison.matches(config.cronSecret(), presented)) {
            String detail = presented == null
                    ? "This is a machine endpoint: send the x-cron-secret header."
                    : "The x-cron-secret header does not match.";
            request.abortWith(Problems.response(Response.Status.UNAUTHORIZED, detail, request.getUriInfo().getPath()));
        }
    }
}
