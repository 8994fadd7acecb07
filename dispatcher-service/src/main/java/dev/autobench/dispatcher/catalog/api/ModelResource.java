package dev.autobench.dispatcher.catalog.api;

import dev.autobench.common.problem.ProblemException;
import dev.autobench.common.security.AdminSecured;
import dev.autobench.dispatcher.catalog.ModelCatalog;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

    private final ModelCatalog catalog;

    ModelResource(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "All models, with whether each is really called (active) and why not")
    public List<ModelView> list() {
        return catalog.list();
    }

    @PUT
    @Path("/{slug}")
    @AdminSecured
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add, re-price or retire a model (admin)")
    public Response upsert(@PathParam("slug") String slug, @Valid @NotNull ModelView body) {
        if (!SLUG.matcher(slug).matches()) {
            throw ProblemException.badRequest("slug must be lower-case letters, digits, '.', '_' or '-' (max 64)");
        }
        ModelCatalog.Upserted result = catalog.upsert(slug, body);
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(result.model()).build();
    }
}
