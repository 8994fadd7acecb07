package dev.autobench.generator.task.api;

import dev.autobench.generator.TasksTable;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.autobench.generator.GenerateCalls.generate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/** pending (slot taken) → generated (spec stored), and what a failure in between leaves behind. */
@QuarkusTest
class TaskLifecycleTest {

    /** Every category of the task bank (src/main/resources/bank). */
    private static final List<String> BANK_CATEGORIES = List.of("algorithm-visualiser", "animation",
            "data-visualisation", "game", "generative-art", "interactive-app", "puzzle", "simulation", "text-tool",
            "ui-component");

    @Test
    void pendingSlotsLeftByACrashAreCompletedByTheNextCallNotDuplicated() {
        LocalDate date = LocalDate.parse("2032-05-01");
        UUID first = TasksTable.insertGenerated(date, 1, "game");
        UUID pending = TasksTable.insertPending(date, 2);

        Response response = generate(date.toString());

        response.then().statusCode(200)
                .body("created", equalTo(2))
                .body("tasks", hasSize(3))
                .body("tasks.status", everyItem(equalTo("generated")));
        assertThat(response.jsonPath().getList("tasks.id", String.class).subList(0, 2))
                .containsExactly(first.toString(), pending.toString());
        assertThat(response.jsonPath().getString("tasks[1].category")).isNotEqualTo("game");
        assertThat(TasksTable.rowsOf(date)).containsExactly(
                "1 generated spec=true generatedAt=true",
                "2 generated spec=true generatedAt=true",
                "3 generated spec=true generatedAt=true");
    }

    @Test
    void aDraftingFailureLeavesPendingSlotsAndNoHalfWrittenTaskAndTheNextCallCompletesThem() {
        LocalDate date = LocalDate.parse("2032-05-02");
        // rows beyond the day's three slots that take every category of the bank: no source can draft
        List<UUID> blockers = new ArrayList<>();
        for (int i = 0; i < BANK_CATEGORIES.size(); i++) {
            blockers.add(TasksTable.insertGenerated(date, 100 + i, BANK_CATEGORIES.get(i)));
        }

        int status = generate(date.toString()).statusCode();

        assertThat(status).isBetween(500, 599);
        assertThat(TasksTable.rowsOf(date).subList(0, 3)).containsExactly(
                "1 pending spec=false generatedAt=false",
                "2 pending spec=false generatedAt=false",
                "3 pending spec=false generatedAt=false");

        blockers.forEach(TasksTable::delete);
        generate(date.toString()).then().statusCode(200)
                .body("created", equalTo(3))
                .body("tasks.slot", equalTo(List.of(1, 2, 3)))
                .body("tasks.status", everyItem(equalTo("generated")));
        assertThat(TasksTable.rowsOf(date)).containsExactly(
                "1 generated spec=true generatedAt=true",
                "2 generated spec=true generatedAt=true",
                "3 generated spec=true generatedAt=true");
    }
}
