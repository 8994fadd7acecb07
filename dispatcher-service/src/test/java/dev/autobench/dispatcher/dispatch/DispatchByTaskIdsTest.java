package dev.autobench.dispatcher.dispatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autobench.dispatcher.support.Db;
import dev.autobench.dispatcher.support.FakeProviders;
import dev.autobench.dispatcher.support.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** {@code POST /api/dispatch {"taskIds": [...]}}: only those tasks' pairs are called. */
@QuarkusTest
class DispatchByTaskIdsTest {

    @InjectWireMock
    WireMockServer wiremock;

    Db db;

    @BeforeEach
    void arrange() {
        db = Db.readyToDispatch(wiremock, Db.FOUR_MODELS, 5);
    }

    @Test
    void onlyTheGivenTasksArePaired() {
        UUID chosen = db.insertTask(1, "Chosen clock");
        UUID other = db.insertTask(2, "Other chart");

        dispatch("{\"taskIds\":[\"" + chosen + "\",\"" + chosen + "\"]}").statusCode(200)
                .body("tasks", equalTo(1)).body("succeeded", equalTo(4));

        assertThat(FakeProviders.providerRequests(wiremock)).isEqualTo(4);
        assertThat(requestsMentioning("Chosen clock")).isEqualTo(4);
        assertThat(requestsMentioning("Other chart")).isZero();
        assertThat(db.count("SELECT count(*) FROM submissions WHERE task_id = ?", other)).isZero();
        assertThat(db.count("SELECT count(*) FROM tasks WHERE id = ? AND status = 'dispatched'", chosen)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM tasks WHERE id = ? AND status = 'generated'", other)).isEqualTo(1);

        // a dispatched task may be named again: its pairs exist, nothing is called twice
        dispatch("{\"taskIds\":[\"" + chosen + "\"]}").statusCode(200).body("tasks", equalTo(1));
        assertThat(FakeProviders.providerRequests(wiremock)).isEqualTo(4);
    }

    @Test
    void noBodyAndAnEmptyObjectDispatchEveryGeneratedTask() {
        db.insertTask(1, "First page");
        given().header("x-cron-secret", DispatchTest.CRON).when().post("/api/dispatch").then().statusCode(200)
                .body("tasks", equalTo(1));
        db.insertTask(2, "Second page");
        dispatch("{}").statusCode(200).body("tasks", equalTo(1));
        assertThat(FakeProviders.providerRequests(wiremock)).isEqualTo(8);
    }

    @Test
    void unknownOrPendingTasksAreRefusedByNameAndNothingIsCalled() {
        UUID good = db.insertTask(1, "Good task");
        UUID pending = (UUID) db.rows("""
                INSERT INTO tasks (task_date, slot, status) VALUES ((now() AT TIME ZONE 'UTC')::date, 2, 'pending')
                RETURNING id""").get(0).get("id");
        UUID unknown = UUID.randomUUID();

        dispatch("{\"taskIds\":[\"" + good + "\",\"" + unknown + "\"]}").statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(unknown.toString()));
        dispatch("{\"taskIds\":[\"" + good + "\",\"" + pending + "\"]}").statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(pending.toString()));

        assertThat(FakeProviders.providerRequests(wiremock)).isZero();
        assertThat(db.count("SELECT count(*) FROM submissions")).isZero();
        assertThat(db.count("SELECT count(*) FROM provider_calls")).isZero();
    }

    private int requestsMentioning(String title) {
        return wiremock.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).withRequestBody(containing(title))).size();
    }

    static ValidatableResponse dispatch(String body) {
        return given().header("x-cron-secret", DispatchTest.CRON).contentType("application/json").body(body)
                .when().post("/api/dispatch").then();
    }
}
