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
