package dev.autobench.arena;

import dev.autobench.arena.support.ArenaFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Artifacts and screenshots are served from the arena's memory after the first request, under
 * strong ETags that name their bytes; an artifact that is not rendered is never cached as one.
 */
@QuarkusTest
class ArtifactCachingTest {

    ArenaFixtures.Seeded seeded;

    @BeforeEach
    void seed() {
        ArenaFixtures.reset();
        seeded = ArenaFixtures.seed(2, 1, Instant.now(), "games");
    }

    @Test
    void anArtifactKeepsItsImmutableBytesAndStrongTagFromTheFirstRequestOn() {
        UUID artifact = seeded.artifacts().get(0);
        Response first = given().get("/api/artifacts/" + artifact);
        first.then().statusCode(200).header("Cache-Control", containsString("immutable"));
        assertThat(first.header("ETag")).startsWith("\"").doesNotStartWith("W/");
        // the row changes under it (it never does in the arena); the cached page is still what the first request returned
        ArenaFixtures.execute("UPDATE artifacts SET html = '<p>changed</p>' WHERE id = '" + artifact + "'");
        Response second = given().get("/api/artifacts/" + artifact);
        second.then().statusCode(200);
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        given().header("If-None-Match", first.header("ETag")).get("/api/artifacts/" + artifact).then().statusCode(304);
    }

    @Test
    void aScreenshotsTagIsTheHashOfItsOwnBytes() throws Exception {
        UUID artifact = seeded.artifacts().get(1);
        Response shot = given().get("/api/artifacts/" + artifact + "/screenshot.png");
        shot.then().statusCode(200).contentType("image/png");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(shot.asByteArray()));
        assertThat(shot.header("ETag")).isEqualTo("\"" + sha + "-png\"");
        given().header("If-None-Match", shot.header("ETag")).get("/api/artifacts/" + artifact + "/screenshot.png")
                .then().statusCode(304);
    }

    @Test
    void anArtifactNotRenderedIsNotFoundAndNotRemembered() {
        UUID artifact = seeded.artifacts().get(0);
        ArenaFixtures.execute("UPDATE artifacts SET status = 'failed', failure_reason = 'x' WHERE id = '" + artifact + "'");
        given().get("/api/artifacts/" + artifact).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        ArenaFixtures.execute("UPDATE artifacts SET status = 'rendered', failure_reason = NULL WHERE id = '" + artifact + "'");
        given().get("/api/artifacts/" + artifact).then().statusCode(200);
    }
}
