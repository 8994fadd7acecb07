package dev.autobench.dispatcher.dispatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autobench.dispatcher.support.Db;
import dev.autobench.dispatcher.support.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.autobench.dispatcher.support.FakeProviders.forTask;
import static dev.autobench.dispatcher.support.FakeProviders.openAi;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dispatcher log line about one pair carries the pair's ids in the MDC (task, submission, model,
 * provider and the provider's request id), which the prod JSON logs print and the renderer repeats
 * (submission_id) when it renders that submission.
 */
@QuarkusTest
class DispatchLogCorrelationTest {

    @InjectWireMock
    WireMockServer wiremock;

    @Test
    void aFailedPairsLogLineNamesItsSubmissionTaskModelAndProviderRequest() throws Exception {
        Db db = Db.readyToDispatch(wiremock, Db.FOUR_MODELS, 5);
        String title = "Correlated " + UUID.randomUUID();
        UUID task = db.insertTask(7, title);
        wiremock.stubFor(forTask(openAi(), title).willReturn(aResponse().withStatus(400)
                .withHeader("x-request-id", "req-correlate-4711").withBody("{\"error\":{\"message\":\"bad request\"}}")));

        given().header("x-cron-secret", DispatchTest.CRON).when().post("/api/dispatch").then().statusCode(200);

        UUID submission = (UUID) db.submission(task, "gpt-5").get("id");
        List<String> lines = Files.readAllLines(Path.of("target/dispatcher-tests.log")).stream()
                .filter(l -> l.contains("gpt-5 for task " + task + " failed")).toList();
        assertThat(lines).as("the warning about the failed pair").isNotEmpty();
        assertThat(lines.get(lines.size() - 1))
                .contains("submission_id=" + submission)
                .contains("task_id=" + task)
                .contains("model=gpt-5")
                .contains("provider=openai")
                .contains("provider_request_id=req-correlate-4711");
        List<String> summaries = Files.readAllLines(Path.of("target/dispatcher-tests.log")).stream()
                .filter(l -> l.contains("dispatch: DispatchSummary")).toList();
        assertThat(summaries).as("the run's summary line").isNotEmpty();
        assertThat(summaries.get(summaries.size() - 1)).containsPattern("dispatch_run=[0-9a-f-]{36}");
    }
}
