package dev.autobench.generator.generation.api;

import dev.autobench.generator.task.api.DateParameter;
import dev.autobench.common.security.CronSecured;
import dev.autobench.generator.generation.TaskGenerationService;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/generate")
@Tag(name = "generation")
public class GenerateResource {

    private final TaskGenerationService generation;

    public GenerateResource(TaskGenerationService generation) {
        this.generation = generation;
    }

    @POST
    @CronSecured
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a day's tasks",
            description = "Creates the configured number of tasks for the date (today in UTC by default). "
                    + "Idempotent per date: repeated or concurrent calls create nothing more and return the same tasks.")
    @APIResponse(responseCode = "200", description = "The day's tasks and how many this call created")
    @APIResponse(responseCode = "400", description = "Malformed date")
    @APIResponse(responseCode = "401", description = "Missing or wrong x-cron-secret")
    public GenerateResponse generate(
            @Parameter(description = "UTC date YYYY-MM-DD; past or future dates backfill") @QueryParam("date") String date) {
        return GenerateResponse.of(generation.generate(DateParameter.parseOr(date, generation.today())));
    }
}
