package dev.autobench.common;

import dev.autobench.common.problem.ProblemException;
import dev.autobench.common.security.AdminSecured;
import dev.autobench.common.security.CronSecured;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** A throwaway application for the shared filters and mappers. */
@Path("/test")
@Produces(MediaType.APPLICATION_JSON)
public class GuardedTestResource {

    public record Body(@NotBlank String name, @Min(1) int count) {
    }

    @POST
    @Path("/machine")
    @CronSecured
    public Map<String, String> machine() {
        return Map.of("ok", "machine");
    }

    @POST
    @Path("/admin")
    @AdminSecured
    public Map<String, String> admin() {
        return Map.of("ok", "admin");
    }

    @GET
    @Path("/public")
    public Map<String, String> open() {
        return Map.of("ok", "public");
    }

    @POST
    @Path("/body")
    @Consumes(MediaType.APPLICATION_JSON)
    public Body body(@Valid Body body) {
        return body;
    }

    @GET
    @Path("/refuse")
    public String refuse() {
        throw ProblemException.conflict("already there");
    }

    @GET
    @Path("/db-down")
    public String dbDown() {
        throw new IllegalStateException("wrapped", new java.sql.SQLException("Connection refused", "08001"));
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internals");
    }
}
