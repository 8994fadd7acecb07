package dev.autobench.arena.tasks;

import dev.autobench.arena.web.Ids;
import dev.autobench.common.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The public gallery of tasks and every model's result. */
@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskService tasks;

    @GET
    @Path("/today")
    @Operation(summary = "Today's (UTC) tasks")
    public TaskDay today() {
        return tasks.today();
    }

    @GET
    @Operation(summary = "The tasks of one UTC day (?date=YYYY-MM-DD, default today)")
    public TaskDay byDate(@QueryParam("date") String date) {
        if (date == null || date.isBlank()) {
            return tasks.today();
        }
        try {
            return tasks.day(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("date must be YYYY-MM-DD");
        }
    }

    @GET
    @Path("/dates")
    @Operation(summary = "Every day that has tasks, newest first")
    public TaskDates dates() {
        return tasks.dates();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A task with every submission; identities once it left the arena window")
    public TaskDetail detail(@PathParam("id") String id) {
        return tasks.detail(Ids.parse(id, "task"));
    }
}
