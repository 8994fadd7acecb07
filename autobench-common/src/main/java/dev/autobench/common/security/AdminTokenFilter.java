package dev.autobench.common.security;

import dev.autobench.common.config.AutobenchSecurityConfig;
import dev.autobench.common.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Guards every {@link AdminSecured} endpoint with the admin bearer token. */
@Provider
@ApplicationScoped
@AdminSecured
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    AutobenchSecurityConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim()
                : null;
        if (!SecretComparison.matches(config.adminToken(), token)) {
            Response response = Problems.response(Response.Status.UNAUTHORIZED,
                    "This is an admin endpoint: send Authorization: Bearer <admin token>.",
                    request.getUriInfo().getPath());
            request.abortWith(Response.fromResponse(response)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"autobench\"")
                    .build());
        }
    }
}
