package dev.autobench.generator.task.api;

import dev.autobench.generator.generation.TaskGenerationService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/tasks")
@Tag(name = "tasks")
public class TaskResource {

    private final TaskGenerationService generation;

    public TaskResource(TaskGenerationService generation) {
        this.generation = generation;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List a day's tasks with their full specifications, in slot order")
    @APIResponse(responseCode = "200", description = "The tasks of the date; empty before generation")
    @APIResponse(responseCode = "400", description = "Malformed date")
    public List<TaskView> tasksOf(
            @Parameter(description = "UTC date YYYY-MM-DD; today by default") @QueryParam("date") String date) {
        return generation.tasksOf(DateParameter.parseOr(date, generation.today())).stream().map(TaskView::of).toList();
    }
}
