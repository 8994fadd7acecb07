package dev.autobench.arena.support;

import io.restassured.response.Response;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** A browser: keeps the voter cookie the arena hands out. */
public final class Voters {

    public static final String CRON_SECRET = "arena-test-cron-secret";
    public static final String COOKIE = "ab_voter";

    private String cookie;

    public Response nextMatch() {
        Response response = (cookie == null ? given() : given().cookie(COOKIE, cookie)).get("/api/arena/match");
        String issued = response.getCookie(COOKIE);
        if (issued != null) {
            cookie = issued;
        }
        return response;
    }

    public Response vote(String token, String outcome) {
        var request = given().contentType("application/json").body(Map.of("voteToken", token, "outcome", outcome));
        if (cookie != null) {
            request = request.cookie(COOKIE, cookie);
        }
        return request.post("/api/arena/votes");
    }

    public String cookie() {
        return cookie;
    }

    /** A new visitor sending these headers takes a match and votes for the left side. */
    public static Response firstVote(Map<String, String> headers) {
        Response match = given().headers(headers).get("/api/arena/match");
        return given().contentType("application/json").headers(headers)
                .cookie(COOKIE, match.getCookie(COOKIE))
                .body(Map.of("voteToken", match.path("voteToken"), "outcome", "left"))
                .post("/api/arena/votes");
    }

    public static int pair() {
        return given().header("x-cron-secret", CRON_SECRET).post("/api/pairs/generate")
                .then().statusCode(200).extract().path("created");
    }
}
