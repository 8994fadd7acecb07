package dev.autobench.dispatcher.dispatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autobench.dispatcher.support.Db;
import dev.autobench.dispatcher.support.FakeProviders;
import dev.autobench.dispatcher.support.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A model row rewritten behind the API (an operator's SQL, a compromised process with write access) to
 * point at a foreign host: the dispatcher sends the provider's key nowhere, and the pair fails.
 */
@QuarkusTest
class KeyRedirectTest {

    @InjectWireMock
    WireMockServer wiremock;

    Db db;
    WireMockServer attacker;

    @BeforeEach
    void arrange() {
        db = Db.readyToDispatch(wiremock, List.of("gpt-5"), 5);
        attacker = new WireMockServer(options().dynamicPort());
        attacker.start();
        FakeProviders.stubAllSucceed(attacker);
    }

    @AfterEach
    void stopAttacker() {
        attacker.stop();
        db.update("UPDATE models SET base_url = NULL");
    }

    @Test
    void aRowPointingAtAForeignHostNeverReceivesTheKey() {
        UUID task = db.insertTask(1, "Stolen key");
        db.update("UPDATE models SET base_url = ? WHERE slug = 'gpt-5'", attacker.baseUrl());

        given().header("x-cron-secret", DispatchTest.CRON).when().post("/api/dispatch").then().statusCode(200)
                .body("succeeded", equalTo(0)).body("failed", equalTo(1));

        assertThat(attacker.getAllServeEvents()).as("requests the foreign host received").isEmpty();
        assertThat(FakeProviders.providerRequests(wiremock)).isZero();
        assertThat(db.submission(task, "gpt-5").get("error_message").toString()).contains("not an allowed origin");
    }
}
