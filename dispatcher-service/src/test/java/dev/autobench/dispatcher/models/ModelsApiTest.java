package dev.autobench.dispatcher.models;

import dev.autobench.dispatcher.catalog.ModelCatalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autobench.dispatcher.support.Db;
import dev.autobench.testsupport.PostgresTestResource;
import dev.autobench.dispatcher.support.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class ModelsApiTest {

    static final String ADMIN = "Bearer test-admin-token-0123456789";

    /** Fixtures and checks go through the owner: the service's own role may not write them. */
    final DataSource dataSource = PostgresTestResource.ownerDataSource();

    @Inject
    ModelCatalog catalog;

    @InjectWireMock
    WireMockServer wiremock;

    @BeforeEach
    void arrange() {
        List<String> enabled = new ArrayList<>(Db.FOUR_MODELS);
        enabled.add("demo-good");
        new Db(dataSource).reset(enabled, 5);
    }

    @Test
    void listsTheSeededLineUpWithWhyAModelIsNotCalled() {
        given().when().get("/api/models").then().statusCode(200)
                .body("slug", hasItems("gpt-5", "gpt-5-mini", "claude-sonnet-4-5", "claude-opus-4-1", "gemini-2.5-pro",
                        "gemini-2.5-flash", "deepseek-chat", "demo-excellent", "demo-good", "demo-plain", "demo-buggy",
                        "demo-nocode"))
                .body("find { it.slug == 'gpt-5' }.active", equalTo(true))
                .body("find { it.slug == 'gpt-5' }.provider", equalTo("openai"))
                .body("find { it.slug == 'gpt-5' }.apiModel", equalTo("gpt-5"))
                .body("find { it.slug == 'gpt-5' }.inputUsdPerMtok", equalTo(1.25f))
                .body("find { it.slug == 'gpt-5' }.outputUsdPerMtok", equalTo(10.0f))
                .body("find { it.slug == 'gpt-5-mini' }.active", equalTo(false))
                .body("find { it.slug == 'gpt-5-mini' }.inactiveReason", equalTo("disabled by the operator"))
                .body("find { it.slug == 'demo-good' }.active", equalTo(false))
                .body("find { it.slug == 'demo-good' }.displayName", containsString("Demo"))
                .body("find { it.slug == 'demo-good' }.inactiveReason", containsString("AUTOBENCH_DEMO_ENABLED"));
    }

    @Test
    void putNeedsTheAdminToken() {
        given().contentType(ContentType.JSON).body(model("openai-compatible", "llama3")).when()
                .put("/api/models/test-llama").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(model("openai-compatible", "llama3"))
                .when().put("/api/models/test-llama").then().statusCode(401);
    }

    @Test
    void putCreatesThenUpdates() {
        put("test-llama", model("openai-compatible", "llama3")).statusCode(201)
                .body("slug", equalTo("test-llama")).body("active", equalTo(true)).body("apiModel", equalTo("llama3"));

        Map<String, Object> repriced = model("openai-compatible", "llama3");
        repriced.put("inputUsdPerMtok", 0.5);
        repriced.put("active", false);
        put("test-llama", repriced).statusCode(200).body("inputUsdPerMtok", equalTo(0.5f)).body("active", equalTo(false));
        given().get("/api/models").then().body("find { it.slug == 'test-llama' }.inputUsdPerMtok", equalTo(0.5f));
    }

    @Test
    void seedingNeverOverwritesAnOperatorsEdit() {
        Map<String, Object> gpt5 = model("openai", "gpt-5");
        gpt5.put("outputUsdPerMtok", 12.5);
        put("gpt-5", gpt5).statusCode(200);

        catalog.seed();

        given().get("/api/models").then().body("find { it.slug == 'gpt-5' }.outputUsdPerMtok", equalTo(12.5f));
        gpt5.put("outputUsdPerMtok", 10.0);
        gpt5.put("inputUsdPerMtok", 1.25);
        gpt5.put("maxOutputTokens", 32000);
        gpt5.put("timeoutSeconds", 300);
        put("gpt-5", gpt5).statusCode(200);
    }

    @Test
    void aModelCannotPointItsProvidersKeyAtAForeignHost() {
        Map<String, Object> foreign = model("openai", "gpt-5");
        foreign.put("baseUrl", "https://evil.example.com/v1");
        problem(put("test-foreign", foreign), "allowed origin");
        Map<String, Object> redirected = model("openai", "gpt-5");
        redirected.put("baseUrl", "https://api.openai.com.evil.example.com");
        problem(put("gpt-5", redirected), "AUTOBENCH_PROVIDERS_OPENAI_ALLOWED_ORIGINS");
        Map<String, Object> userInfo = model("anthropic", "claude");
        userInfo.put("baseUrl", wiremock.baseUrl() + "@evil.example.com");
        problem(put("test-foreign", userInfo), "allowed origin");
        Map<String, Object> demo = model("demo", "demo-good");
        demo.put("baseUrl", wiremock.baseUrl());
        problem(put("test-foreign", demo), "allowed origin");
        given().get("/api/models").then().body("slug", org.hamcrest.Matchers.not(hasItems("test-foreign")))
                .body("find { it.slug == 'gpt-5' }.baseUrl", org.hamcrest.Matchers.nullValue());

        // the provider's own configured origin (here WireMock, as AUTOBENCH_PROVIDERS_OPENAI_BASE_URL) is fine
        Map<String, Object> proxied = model("openai", "gpt-5");
        proxied.put("baseUrl", wiremock.baseUrl() + "/eu");
        put("test-proxied", proxied).statusCode(201).body("baseUrl", equalTo(wiremock.baseUrl() + "/eu"));
    }

    @Test
    void badInputIsA400Problem() {
        Map<String, Object> negative = model("openai", "gpt-x");
        negative.put("inputUsdPerMtok", -1);
        problem(put("test-bad", negative), "inputUsdPerMtok");
        problem(put("test-bad", model("acme", "x")), "provider");
        problem(put("Not A Slug", model("openai", "x")), "slug");
        Map<String, Object> mismatch = model("openai", "x");
        mismatch.put("slug", "other");
        problem(put("test-bad", mismatch), "differs");
        problem(put("test-bad", model("demo", "demo-genius")), "demo");
        Map<String, Object> noName = model("openai", "x");
        noName.remove("displayName");
        problem(put("test-bad", noName), "displayName");
        Map<String, Object> badUrl = model("openai-compatible", "x");
        badUrl.put("baseUrl", "ftp://nope");
        problem(put("test-bad", badUrl), "baseUrl");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{not json").when()
                .put("/api/models/test-bad").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/models").then().body("slug", org.hamcrest.Matchers.not(hasItems("test-bad")));
    }

    static Map<String, Object> model(String provider, String apiModel) {
        Map<String, Object> m = new HashMap<>();
        m.put("provider", provider);
        m.put("apiModel", apiModel);
        m.put("displayName", "Test " + apiModel);
        m.put("active", true);
        m.put("inputUsdPerMtok", 1.25);
        m.put("outputUsdPerMtok", 10.0);
        m.put("maxOutputTokens", 32000);
        m.put("timeoutSeconds", 300);
        return m;
    }

    static ValidatableResponse put(String slug, Map<String, Object> body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().put("/api/models/{slug}", slug).then();
    }

    static void problem(ValidatableResponse response, String mentions) {
        response.statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                .body(containsString(mentions));
    }
}
