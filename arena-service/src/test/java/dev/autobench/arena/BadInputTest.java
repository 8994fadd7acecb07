package dev.autobench.arena;

import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.TestTokens;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public and machine endpoint of the arena fed hostile input: always a 4xx problem+json,
 * never a 5xx, and not one row written.
 */
@QuarkusTest
class BadInputTest {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    static final List<String> HOSTILE_STRINGS = List.of(
            "' OR 1=1 --", "'; DROP TABLE votes; --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "\u0000\u0001\u0007\u001b[31m",
            "\uD83D\uDE00\u202E\uFEFF", "\uFFFF", "null", "-1", "1e309", "9".repeat(400), "x".repeat(5000));

    static final List<String> MALFORMED_BODIES = List.of(
            "", "{", "}", "[]", "null", "true", "42", "\"text\"", "{\"voteToken\":", "{\"voteToken\":1,\"outcome\":2}",
            "{\"voteToken\":[\"a\"],\"outcome\":{}}", "{\"voteToken\":null,\"outcome\":null}",
            "{\"voteToken\":\"a.b\",\"outcome\":\"left\"", "{\"voteToken\":\"a.b\",\"outcome\":\"sideways\"}",
            "{\"voteToken\":\"\u0000\",\"outcome\":\"left\"}", "{\"voteToken\":\"\\ud800\",\"outcome\":\"left\"}",
            "{'voteToken':'a','outcome':'left'}", "\uFEFF{\"voteToken\":\"a.b\",\"outcome\":\"left\"}",
            "{\"voteToken\":\"a.b\",\"outcome\":\"left\",\"outcome\":\"right\"}",
            "[".repeat(5000) + "]".repeat(5000));

    @BeforeEach
    void seed() {
        ArenaFixtures.reset();
        ArenaFixtures.seed(3, 1, Instant.now(), "games");
        Voters.pair();
        // the board is current now, so the scheduled check stores no snapshot while the rows are counted
        given().header("x-cron-secret", Voters.CRON_SECRET).post("/api/leaderboard/recompute").then().statusCode(200);
    }

    @Test
    void malformedVotesAreRefusedAndNothingIsStored() {
        Voters browser = new Voters();
        browser.nextMatch().then().statusCode(200);
        long before = rows();
        List<String> bodies = new ArrayList<>(MALFORMED_BODIES);
        for (String hostile : HOSTILE_STRINGS) {
            bodies.add("{\"voteToken\":" + json(hostile) + ",\"outcome\":\"left\"}");
            bodies.add("{\"voteToken\":\"a.b\",\"outcome\":" + json(hostile) + "}");
        }
        for (String body : bodies) {
            Response response = given().contentType("application/json").cookie(Voters.COOKIE, browser.cookie())
                    .body(body).post("/api/arena/votes");
            assertProblem(response, "POST /api/arena/votes " + abbreviate(body));
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aBodyNamingAFieldTwiceIsRefusedEvenWhenItWouldMakeAValidVote() {
        Voters browser = new Voters();
        String token = TestTokens.backdated(browser.nextMatch().then().statusCode(200).extract().path("voteToken"), 10);
        long before = rows();

        Response twice = given().contentType("application/json").cookie(Voters.COOKIE, browser.cookie())
                .body("{\"voteToken\":\"" + token + "\",\"outcome\":\"left\",\"outcome\":\"left\"}")
                .post("/api/arena/votes");

        assertProblem(twice, "a field named twice");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(rows()).isEqualTo(before);
        // each field once, the same vote counts: what was refused is only the repeated field
        browser.vote(token, "left").then().statusCode(201);
    }

    @Test
    void wrongMediaTypesAreRefused() {
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded"}) {
            Response response = given().contentType(type).body("voteToken=a&outcome=left").post("/api/arena/votes");
            assertProblem(response, "POST /api/arena/votes as " + type);
        }
    }

    @Test
    void oversizedBodiesAre413Problems() {
        long before = rows();
        String huge = "{\"voteToken\":\"" + "a".repeat(70 * 1024) + "\",\"outcome\":\"left\"}";
        Response response = given().contentType("application/json").body(huge).post("/api/arena/votes");
        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response, "oversized vote");
        Response pairs = given().header("x-cron-secret", Voters.CRON_SECRET).contentType("application/json")
                .body(huge).post("/api/pairs/generate");
        assertThat(pairs.statusCode()).isEqualTo(413);
        assertProblem(pairs, "oversized pairing call");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void oversizedChunkedBodiesAreCutOffAndStoreNothing() throws Exception {
        long before = rows();
        byte[] huge = ("{\"voteToken\":\"" + "a".repeat(70 * 1024) + "\",\"outcome\":\"left\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // no Content-Length: the body arrives chunked and is only found too large while it is read
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "api/arena/votes"))
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            // Quarkus cuts the stream off itself, with a bare 413: the one oversized case without a problem body
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        } catch (java.io.IOException closedWhileSending) {
            // the server may close the connection before the client has read its 413 (the JDK reports
            // "EOF reached" or no message at all): the upload is refused either way
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void hostileIdsAndQueryParametersAreProblems() {
        long before = rows();
        List<String> paths = new ArrayList<>();
        for (String hostile : HOSTILE_STRINGS) {
            String encoded = java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8);
            paths.add("/api/artifacts/" + encoded);
            paths.add("/api/artifacts/" + encoded + "/screenshot.png");
            paths.add("/api/tasks/" + encoded);
            paths.add("/api/tasks?date=" + encoded);
            paths.add("/api/leaderboard?category=" + encoded);
            paths.add("/api/leaderboard.csv?category=" + encoded);
            paths.add("/api/export/votes?date=" + encoded);
        }
        for (String path : paths) {
            Response response = given().urlEncodingEnabled(false).get(path);
            assertThat(response.statusCode()).as(path).isLessThan(500);
            if (path.length() > 4096) {
                // Vert.x refuses a request line over quarkus.http.limits.max-initial-line-length before any
                // route runs: a bare 414, the one 4xx here without a problem body
                assertThat(response.statusCode()).as(path).isEqualTo(414);
                continue;
            }
            if (response.statusCode() >= 400) {
                assertProblem(response, "GET " + abbreviate(path));
            }
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void hostileCookiesAndHeadersNeverBreakTheArena() {
        long before = rows();
        for (String hostile : HOSTILE_STRINGS) {
            String cookie = hostile.replaceAll("[\\p{Cntrl};,\\s\"\\\\]", "_");
            Response match = given().cookie(Voters.COOKIE, cookie).header("X-Forwarded-For", cookie)
                    .get("/api/arena/match");
            assertThat(match.statusCode()).as("match with cookie " + abbreviate(cookie)).isIn(200, 204);
            Response vote = given().contentType("application/json").cookie(Voters.COOKIE, cookie)
                    .body("{\"voteToken\":\"a.b\",\"outcome\":\"left\"}").post("/api/arena/votes");
            assertProblem(vote, "vote with cookie " + abbreviate(cookie));
            Response cron = given().header("x-cron-secret", cookie).post("/api/pairs/generate");
            assertThat(cron.statusCode()).isEqualTo(401);
            assertProblem(cron, "pairing with secret " + abbreviate(cookie));
        }
        assertThat(rows()).isEqualTo(before);
    }

    static void assertProblem(Response response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.asString()).isBetween(400, 499);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).as(what).isEqualTo(response.statusCode());
    }

    /**
     * What a request could store. Not leaderboard snapshots: the background recompute adds them on its
     * own schedule whenever the seeded data changed, whatever the requests do.
     */
    private static long rows() {
        return ArenaFixtures.count("SELECT (SELECT count(*) FROM votes) + (SELECT count(*) FROM matches)");
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
