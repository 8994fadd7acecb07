package dev.autobench.dispatcher.profiled;

import javax.sql.DataSource;
import dev.autobench.testsupport.PostgresTestResource;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autobench.dispatcher.catalog.ModelCatalog;
import dev.autobench.dispatcher.support.Db;
import dev.autobench.dispatcher.support.FakeProviders;
import dev.autobench.dispatcher.support.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.autobench.dispatcher.support.FakeProviders.anthropicCalls;
import static dev.autobench.dispatcher.support.FakeProviders.deepSeekCalls;
import static dev.autobench.dispatcher.support.FakeProviders.googleCalls;
import static dev.autobench.dispatcher.support.FakeProviders.openAiCalls;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The catalog as shipped, not cut down first: with all four keys a day is exactly 12 requests (one model per
 * provider × 3 tasks), and the default daily call budget stops a 13th.
 */
@QuarkusTest
@TestProfile(ShippedDefaultsProfile.class)
class DefaultCatalogTest {

    static final String CRON = "test-cron-secret-0123456789";

    @InjectWireMock
    WireMockServer wiremock;

    final DataSource dataSource = PostgresTestResource.ownerDataSource();

    @Inject
    ModelCatalog catalog;

    @Test
    void withAllFourKeysAndTheShippedDefaultsADayIsExactlyTwelveRequests() {
        Db db = new Db(dataSource);
        db.update("DELETE FROM provider_calls");
        db.update("DELETE FROM submissions");
        db.update("DELETE FROM tasks");
        db.update("DELETE FROM models");
        catalog.seed();
        wiremock.resetAll();
        FakeProviders.stubAllSucceed(wiremock);
        db.insertTask(1, "Clock");
        db.insertTask(2, "Chart");
        db.insertTask(3, "Game");

        given().header("x-cron-secret", CRON).when().post("/api/dispatch").then().statusCode(200)
                .body("tasks", equalTo(3)).body("calls", equalTo(12)).body("succeeded", equalTo(12));

        assertThat(FakeProviders.providerRequests(wiremock)).isEqualTo(12);
        for (var provider : new com.github.tomakehurst.wiremock.matching.RequestPatternBuilder[] {
                openAiCalls(), anthropicCalls(), googleCalls(), deepSeekCalls()}) {
            assertThat(wiremock.countRequestsMatching(provider.build()).getCount()).isEqualTo(3);
        }
        assertThat(db.rows("SELECT m.slug FROM submissions s JOIN models m ON m.id = s.model_id GROUP BY m.slug ORDER BY 1"))
                .extracting(r -> r.get("slug"))
                .containsExactly("claude-sonnet-4-5", "deepseek-chat", "gemini-2.5-pro", "gpt-5");

        // a fourth task the same day would pass the default budget (4 active models x 3 tasks): nothing is sent
        UUID extra = db.insertTask(4, "One too many");
        given().header("x-cron-secret", CRON).when().post("/api/dispatch").then().statusCode(200)
                .body("calls", equalTo(0)).body("failed", equalTo(4));
        assertThat(FakeProviders.providerRequests(wiremock)).isEqualTo(12);
        assertThat(db.submission(extra, "gpt-5").get("error_code")).isEqualTo("budget_exhausted");
        assertThat(db.ledger(extra, "gpt-5")).isEmpty();

        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("autobench_dispatch_daily_call_budget\\{[^}]*\\} 12.0")
                .containsPattern("autobench_dispatch_daily_calls\\{[^}]*\\} 12.0")
                .containsPattern("autobench_dispatch_daily_calls_refused\\{[^}]*\\} 4.0")
                .containsPattern("autobench_llm_calls_total\\{[^}]*outcome=\"budget_exhausted\"");
    }
}
