package dev.autobench.arena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.TestTokens;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PublicApiTest {

    @jakarta.inject.Inject
    dev.autobench.arena.export.VotesExport export;

    ArenaFixtures.Seeded today;
    ArenaFixtures.Seeded lastWeek;

    @BeforeEach
    void seed() {
        ArenaFixtures.reset();
        today = ArenaFixtures.seed(3, 2, Instant.now(), "games");
        lastWeek = ArenaFixtures.seed(3, 1, Instant.now().minus(Duration.ofDays(7)), "tools");
    }

    @Test
    void artifactsAreServedSandboxedWithoutNetwork() {
        UUID artifact = today.artifacts().get(0);
        Response response = given().get("/api/artifacts/" + artifact);
        response.then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", containsString("immutable"))
                .body(containsString("artifact"));
        String csp = response.header("Content-Security-Policy");
        assertThat(csp).startsWith("sandbox allow-scripts;").doesNotContain("allow-same-origin")
                .contains("default-src 'none'").contains("connect-src 'none'");
        String etag = response.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        given().header("If-None-Match", etag).get("/api/artifacts/" + artifact).then().statusCode(304);
    }

    @Test
    void screenshotsArePngs() {
        UUID artifact = today.artifacts().get(0);
        byte[] png = given().get("/api/artifacts/" + artifact + "/screenshot.png").then().statusCode(200)
                .contentType("image/png").header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertThat(png).isEqualTo(ArenaFixtures.PNG);
        given().get("/api/artifacts/" + UUID.randomUUID() + "/screenshot.png").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void badIdsAreProblemsNeverServerErrors() {
        for (String path : new String[] {"/api/artifacts/not-a-uuid", "/api/artifacts/%27%20OR%201=1",
                "/api/artifacts/" + UUID.randomUUID(), "/api/tasks/42", "/api/tasks/" + UUID.randomUUID(),
                "/api/artifacts/not-a-uuid/screenshot.png"}) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(404)
                    .contentType(containsString("application/problem+json"));
        }
        given().get("/api/tasks?date=yesterday").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        given().get("/api/leaderboard?category=no-such-category").then().statusCode(404);
    }

    @Test
    void todaysTasksAreListedAndStillAnonymous() {
        given().get("/api/tasks/today").then().statusCode(200)
                .body("date", equalTo(LocalDate.now(ZoneOffset.UTC).toString()))
                .body("tasks", hasSize(2))
                .body("tasks.inArena", everyItem(equalTo(true)))
                .body("tasks.revealed", everyItem(equalTo(false)))
                .body("tasks.submissions", everyItem(equalTo(3)))
                .body("tasks.rendered", everyItem(equalTo(3)));
        Response detail = given().get("/api/tasks/" + today.tasks().get(0));
        detail.then().statusCode(200)
                .body("task.title", notNullValue())
                .body("submissions", hasSize(3))
                .body("submissions.model", everyItem(nullValue()))
                .body("submissions.costUsd", everyItem(nullValue()))
                .body("submissions.latencyMs", everyItem(nullValue()))
                .body("submissions.code", everyItem(notNullValue()))
                .body("submissions.artifact.url", everyItem(containsString("/api/artifacts/")))
                .body("submissions.artifact.jsErrorCount", everyItem(equalTo(1)));
        for (String slug : today.slugs()) {
            assertThat(detail.asString()).doesNotContain(slug);
        }
    }

    @Test
    void aSlotStillPendingItsSpecIsNotListedAnywhere() {
        ArenaFixtures.execute("INSERT INTO tasks (task_date, slot, status) VALUES (current_date, 99, 'pending')");
        given().get("/api/tasks/dates").then().statusCode(200)
                .body("dates.find { it.date == '" + LocalDate.now(ZoneOffset.UTC) + "' }.tasks", equalTo(2));
        given().get("/api/tasks/today").then().statusCode(200).body("tasks", hasSize(2));
        given().get("/api/tasks?date=" + LocalDate.now(ZoneOffset.UTC)).then().statusCode(200).body("tasks", hasSize(2));
        String id;
        try (var c = ArenaFixtures.connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT id FROM tasks WHERE slot = 99")) {
            rs.next();
            id = rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        given().get("/api/tasks/" + id).then().statusCode(404).contentType(containsString("application/problem+json"));
    }

    @Test
    void pastTasksRevealModelsAndFigures() {
        LocalDate date = LocalDate.now(ZoneOffset.UTC).minusDays(7);
        given().get("/api/tasks?date=" + date).then().statusCode(200)
                .body("tasks", hasSize(1))
                .body("tasks[0].revealed", equalTo(true))
                .body("tasks[0].category", equalTo("tools"));
        given().get("/api/tasks/" + lastWeek.tasks().get(0)).then().statusCode(200)
                .body("submissions.model.model", everyItem(notNullValue()))
                .body("submissions.costUsd", everyItem(notNullValue()))
                .body("submissions.outputTokens", everyItem(equalTo(2000)))
                .body("submissions.artifact.screenshotUrl", everyItem(containsString("screenshot.png")));
        given().get("/api/tasks/dates").then().statusCode(200)
                .body("dates.date", org.hamcrest.Matchers.contains(LocalDate.now(ZoneOffset.UTC).toString(), date.toString()))
                .body("dates.tasks", org.hamcrest.Matchers.contains(2, 1));
    }

    @Test
    void theVotesExportIsFastChatBattlesOfCountedVotesOfClosedTasksOnly() throws Exception {
        Voters.pair();
        Voters voter = new Voters();
        Response first = voter.nextMatch();
        voter.vote(TestTokens.backdated(first.path("voteToken"), 10), "right").then().statusCode(201);
        Response second = voter.nextMatch();
        voter.vote(TestTokens.backdated(second.path("voteToken"), 10), "both_bad").then().statusCode(201);
        voter.vote(voter.nextMatch().path("voteToken"), "left").then().statusCode(201); // too fast: not exported

        // while today's tasks are open, their votes are not exported at all
        export.refresh();
        given().get("/api/export/votes").then().statusCode(200).body(equalTo(""));

        ArenaFixtures.execute("UPDATE tasks SET generated_at = generated_at - interval '24 hours'");
        export.refresh();
        Response export = given().get("/api/export/votes");
        export.then().statusCode(200).contentType(containsString("application/jsonl"));
        String[] lines = export.asString().split("\n");
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode battle = json.readTree(lines[0]);
        assertThat(battle.fieldNames()).toIterable().startsWith("question_id", "model_a", "model_b", "winner", "tstamp");
        assertThat(battle.get("winner").asText()).isEqualTo("model_b");
        assertThat(battle.get("question_id").asText()).isIn(today.tasks().stream().map(UUID::toString).toList());
        assertThat(today.slugs()).contains(battle.get("model_a").asText(), battle.get("model_b").asText());
        assertThat(battle.get("tstamp").asDouble()).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(120.0));
        assertThat(json.readTree(lines[1]).get("winner").asText()).isEqualTo("tie (bothbad)");
        assertThat(export.asString()).doesNotContain(voter.cookie().substring(0, 10));
        String etag = export.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        given().header("If-None-Match", etag).get("/api/export/votes").then().statusCode(304);
    }
}
