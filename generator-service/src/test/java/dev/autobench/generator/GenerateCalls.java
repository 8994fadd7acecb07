package dev.autobench.generator;

import io.restassured.response.Response;

import static io.restassured.RestAssured.given;

/** {@code POST /api/generate} as the CronJob calls it. */
public final class GenerateCalls {

    public static final String SECRET = "test-cron-secret-0123456789";

    private GenerateCalls() {
    }

    /** Generates for {@code date} (or today by the service's clock when null). */
    public static Response generate(String date) {
        var request = given().header("x-cron-secret", SECRET);
        if (date != null) {
            request = request.queryParam("date", date);
        }
        return request.when().post("/api/generate");
    }
}
