package dev.autobench.dispatcher.profiled;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autobench.dispatcher.support.Db;
import dev.autobench.dispatcher.support.FakeProviders;
import dev.autobench.dispatcher.support.InjectWireMock;
import dev.autobench.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The local demo: providers without keys stay inactive, the demo switch makes every page offline. */
@QuarkusTest
@TestProfile(OperationsProfile.class)
class DemoModeTest {

    @InjectWireMock
    WireMockServer wiremock;

    /** Fixtures and checks go through the owner: the service's own role may not write them. */
    final DataSource dataSource = PostgresTestResource.ownerDataSource();

    @Test
    void providersWithoutKeysAreInactiveWithOneClearLogLine() throws Exception {
        new Db(dataSource).reset(List.of("gpt-5", "gemini-2.5-pro", "claude-sonnet-4-5", "demo-excellent"), 30);
        given().get("/api/models").then().statusCode(200)
                .body("find { it.slug == 'gpt-5' }.active", equalTo(true))
                .body("find { it.slug == 'claude-sonnet-4-5' }.active", equalTo(false))
                .body("find { it.slug == 'claude-sonnet-4-5' }.inactiveReason",
                        equalTo("provider anthropic has no API key (set ANTHROPIC_API_KEY): its models are inactive"))
                .body("find { it.slug == 'gemini-2.5-pro' }.inactiveReason",
                        equalTo("provider google has no API key (set GEMINI_API_KEY): its models are inactive"))
                .body("find { it.slug == 'demo-excellent' }.active", equalTo(true))
                .body("find { it.slug == 'demo-nocode' }.active", equalTo(false));
        String log = Files.readString(Path.of("target/dispatcher-tests.log"));
        assertThat(log).contains("provider google has no API key (set GEMINI_API_KEY): its models are inactive")
                .contains("provider anthropic has no API key (set ANTHROPIC_API_KEY): its models are inactive")
                .contains("provider deepseek has no API key (set DEEPSEEK_API_KEY): its models are inactive");
    }

    @Test
    void demoModelsAnswerOfflineAtEveryQualityLevel() {
        Db db = new Db(dataSource);
        // seeded demo models; the operator switched on demo-nocode too, and left Gemini on (it has no key)
        db.reset(List.of("demo-excellent", "demo-good", "demo-plain", "demo-buggy", "demo-nocode", "gemini-2.5-pro"), 30);
        wiremock.resetAll();
        UUID chart = db.insertTask(1, "Weekly sales bar chart");
        db.insertTask(2, "Tic-tac-toe game");
        db.insertTask(3, "Bouncing particles animation");

        given().header("x-cron-secret", "test-cron-secret-0123456789").when().post("/api/dispatch").then().statusCode(200)
                .body("tasks", equalTo(3)).body("succeeded", equalTo(12)).body("failed", equalTo(3)).body("calls", equalTo(15));

        assertThat(FakeProviders.providerRequests(wiremock)).isZero();
        assertThat((String) db.submission(chart, "demo-excellent").get("code")).contains("<svg").contains("Weekly sales bar chart");
        assertThat((String) db.submission(chart, "demo-buggy").get("code")).contains("details-panel");
        Map<String, Object> nocode = db.submission(chart, "demo-nocode");
        assertThat(nocode.get("error_code")).isEqualTo("no_code");
        assertThat((String) nocode.get("answer")).contains("offline demo");
        assertThat(db.submission(chart, "gemini-2.5-pro")).isNull();
        assertThat(db.count("SELECT count(*) FROM tasks WHERE status = 'dispatched'")).isEqualTo(3);
    }
}
