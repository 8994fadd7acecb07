package dev.autobench.generator.generation.api;

import dev.autobench.generator.MutableClock;
import dev.autobench.generator.TasksTable;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.autobench.generator.GenerateCalls.generate;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class GenerateResourceTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.set(MutableClock.START);
    }

    @Test
    void firstCallCreatesThreeTasksAndASecondCallCreatesNothing() {
        Response first = generate("2030-01-10");
        first.then().statusCode(200)
                .body("date", equalTo("2030-01-10"))
                .body("created", equalTo(3))
                .body("tasks", hasSize(3))
                .body("tasks.slot", equalTo(List.of(1, 2, 3)))
                .body("tasks.status", everyItem(equalTo("generated")));
        List<String> categories = first.jsonPath().getList("tasks.category");
        assertThat(new HashSet<>(categories)).hasSize(3);

        Response second = generate("2030-01-10");
        second.then().statusCode(200).body("created", equalTo(0)).body("tasks", hasSize(3));
        assertThat(second.jsonPath().getList("tasks.id", String.class))
                .isEqualTo(first.jsonPath().getList("tasks.id", String.class));
        assertThat(TasksTable.countFor(LocalDate.parse("2030-01-10"))).isEqualTo(3);
    }

    @Test
    void tenConcurrentCallsForOneDateCreateOneSetOfTasks() throws Exception {
        String date = "2030-02-01";
        int callers = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return generate(date);
                };
                calls.add(pool.submit(call));
            }
            start.countDown();
            List<List<String>> ids = new ArrayList<>();
            int created = 0;
            for (Future<Response> call : calls) {
                Response response = call.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                ids.add(response.jsonPath().getList("tasks.id", String.class));
                created += response.jsonPath().getInt("created");
            }
            assertThat(created).isEqualTo(3);
            assertThat(ids).allSatisfy(list -> assertThat(list).hasSize(3).isEqualTo(ids.get(0)));
            assertThat(TasksTable.countFor(LocalDate.parse(date))).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherDateGetsOtherTasksFromOtherTemplates() {
        List<String> firstIds = generate("2030-03-01").jsonPath().getList("tasks.id", String.class);
        Response next = generate("2030-03-02");
        next.then().statusCode(200).body("created", equalTo(3));
        assertThat(next.jsonPath().getList("tasks.id", String.class)).doesNotContainAnyElementsOf(firstIds);

        List<String> firstTemplates = templatesOf("2030-03-01");
        assertThat(templatesOf("2030-03-02")).hasSize(3).doesNotContainAnyElementsOf(firstTemplates);
    }

    @Test
    void withoutADateTheClocksUtcDayIsGenerated() {
        clock.set(Instant.parse("2031-07-04T23:59:59Z"));
        generate(null).then().statusCode(200)
                .body("date", equalTo("2031-07-04"))
                .body("tasks", hasSize(3));
    }

    @Test
    void aMissingOrWrongSecretIsRefused() {
        given().queryParam("date", "2030-04-01")
                .when().post("/api/generate")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("x-cron-secret", "not-the-secret").queryParam("date", "2030-04-01")
                .when().post("/api/generate")
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(TasksTable.countFor(LocalDate.parse("2030-04-01"))).isZero();
    }

    @Test
    void aMalformedDateIsABadRequest() {
        for (String bad : List.of("2030-13-01", "2030-02-30", "tomorrow", "2030-1-5", "+12030-01-01",
                "2030-01-01T00:00", "0000-01-01")) {
            generate(bad).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("detail", containsString("date"));
        }
    }

    private static List<String> templatesOf(String date) {
        return given().queryParam("date", date).when().get("/api/tasks")
                .then().statusCode(200).extract().jsonPath().getList("spec.templateId", String.class);
    }

}
