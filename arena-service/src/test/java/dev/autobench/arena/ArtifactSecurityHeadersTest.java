package dev.autobench.arena;

import dev.autobench.arena.support.ArenaFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every directive that contains an artifact, checked one by one on the HTML, its 304 and its
 * screenshot: what PublicApiTest samples, in full.
 */
@QuarkusTest
class ArtifactSecurityHeadersTest {

    UUID artifact;

    @BeforeEach
    void seed() {
        ArenaFixtures.reset();
        artifact = ArenaFixtures.seed(2, 1, Instant.now(), "games").artifacts().get(0);
    }

    @Test
    void theArtifactPolicyForbidsEveryWayOut() {
        Response html = given().get("/api/artifacts/" + artifact);
        html.then().statusCode(200);
        Map<String, String> csp = directives(html.header("Content-Security-Policy"));
        assertThat(csp.get("sandbox")).isEqualTo("allow-scripts"); // no same-origin, top navigation, forms, popups
        assertThat(csp).containsEntry("default-src", "'none'").containsEntry("connect-src", "'none'")
                .containsEntry("form-action", "'none'").containsEntry("base-uri", "'none'")
                .containsEntry("frame-ancestors", "'self'");
        // whatever loads may only come from inside the page itself
        csp.forEach((directive, sources) -> {
            if (directive.endsWith("-src")) {
                assertThat(sources).as(directive).doesNotContain("http:", "https:", "*", "'self'", "ws:", "wss:");
            }
        });
        assertSafeResponseHeaders(html);

        Response notModified = given().header("If-None-Match", html.header("ETag")).get("/api/artifacts/" + artifact);
        notModified.then().statusCode(304);
        assertThat(notModified.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aTopLevelNavigationGetsASandboxingWrapperAndTheIframeLoadGetsTheArtifact() {
        Response wrapper = given().header("Sec-Fetch-Dest", "document").header("Sec-Fetch-Mode", "navigate")
                .get("/api/artifacts/" + artifact);
        wrapper.then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"));
        assertThat(wrapper.asString()).contains("<iframe sandbox=\"allow-scripts\"")
                .contains("src=\"/api/artifacts/" + artifact + "\"").doesNotContain("<p>artifact");
        Map<String, String> csp = directives(wrapper.header("Content-Security-Policy"));
        assertThat(csp).containsEntry("default-src", "'none'").containsEntry("frame-src", "'self'")
                .containsEntry("frame-ancestors", "'none'").doesNotContainKey("script-src");
        assertThat(wrapper.header("Vary")).contains("Sec-Fetch-Dest");
        assertThat(wrapper.header("Cache-Control")).doesNotContain("immutable");
        assertSafeResponseHeaders(wrapper);

        Response framed = given().header("Sec-Fetch-Dest", "iframe").get("/api/artifacts/" + artifact);
        framed.then().statusCode(200);
        assertThat(framed.asString()).contains("<p>artifact");
        assertThat(framed.header("Vary")).contains("Sec-Fetch-Dest");
        assertThat(directives(framed.header("Content-Security-Policy")).get("sandbox")).isEqualTo("allow-scripts");
    }

    @Test
    void screenshotsCannotBeRunAsDocuments() {
        Response png = given().get("/api/artifacts/" + artifact + "/screenshot.png");
        png.then().statusCode(200).contentType("image/png");
        Map<String, String> csp = directives(png.header("Content-Security-Policy"));
        assertThat(csp).containsKey("sandbox").containsEntry("default-src", "'none'");
        assertSafeResponseHeaders(png);
    }

    private static void assertSafeResponseHeaders(Response response) {
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
        assertThat(response.header("Set-Cookie")).as("no cookie is ever set on an artifact").isNull();
    }

    private static Map<String, String> directives(String policy) {
        assertThat(policy).isNotBlank();
        return Arrays.stream(policy.split(";")).map(String::trim).filter(d -> !d.isEmpty())
                .collect(Collectors.toMap(d -> d.split("\\s+", 2)[0], d -> d.contains(" ") ? d.split("\\s+", 2)[1] : ""));
    }
}
