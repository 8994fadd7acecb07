package dev.autobench.dispatcher.rest;

import dev.autobench.dispatcher.support.Db;
import dev.autobench.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's machine and admin endpoints fed hostile input (with valid credentials, so the
 * input itself is judged): always a 4xx problem+json, never a 5xx, and not one row written.
 */
@QuarkusTest
class BadInputTest {

    private static final String CRON = "test-cron-secret-0123456789";
    private static final String ADMIN = "Bearer test-admin-token-0123456789";
    private static final List<String> HOSTILE = List.of(
            "' OR 1=1 --", "'; DROP TABLE models; --", "<script>alert(1)</script>", "../../etc/passwd",
            "\u0000\u0007\u001b", "\uD83D\uDE00\u202E", "\uFFFF", "null", "-1", "1e309", "9".repeat(400), "x".repeat(3000));

    /** Fixtures and checks go through the owner: the service's own role may not write them. */
    final DataSource dataSource = PostgresTestResource.ownerDataSource();

    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        db.reset(Db.FOUR_MODELS, 30);
    }

    @Test
    void malformedRetryRequestsAreProblemsAndCallNothing() {
        long before = rows();
        List<String> bodies = new ArrayList<>(List.of("", "{", "[]", "null", "42", "\"x\"", "{\"taskId\":1,\"model\":2}",
                "{\"taskId\":\"not-a-uuid\",\"model\":\"gpt-5\"}", "{\"taskId\":null,\"model\":null}",
                "{\"model\":\"gpt-5\"}", "{\"taskId\":\"" + java.util.UUID.randomUUID() + "\"}",
                "{\"taskId\":\"" + java.util.UUID.randomUUID() + "\",\"model\":\"gpt-5\",\"model\":\"x\"}",
                "[".repeat(3000) + "]".repeat(3000)));
        for (String hostile : HOSTILE) {
            bodies.add("{\"taskId\":\"" + java.util.UUID.randomUUID() + "\",\"model\":" + json(hostile) + "}");
            bodies.add("{\"taskId\":" + json(hostile) + ",\"model\":\"gpt-5\"}");
        }
        for (String body : bodies) {
            Response response = given().header("Authorization", ADMIN).contentType("application/json").body(body)
                    .post("/api/dispatch/retry");
            assertProblem(response, "retry " + abbreviate(body));
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void malformedDispatchRequestsAreProblemsAndCallNothing() {
        db.insertTask(1, "Generated task");
        long before = rows();
        String id = java.util.UUID.randomUUID().toString();
        List<String> bodies = new ArrayList<>(List.of("{", "[]", "42", "\"x\"", "{\"taskIds\":\"" + id + "\"}",
                "{\"taskIds\":[]}", "{\"taskIds\":[null]}", "{\"taskIds\":[1]}", "{\"taskIds\":[\"not-a-uuid\"]}",
                "{\"taskIds\":{\"a\":1}}", "{\"taskIds\":[\"" + id + "\"],\"taskIds\":[\"" + id + "\"]}",
                "{\"taskIds\":[\"" + id + "\"]}",
                "{\"taskIds\":[" + String.join(",", java.util.Collections.nCopies(101, "\"" + id + "\"")) + "]}",
                "[".repeat(3000) + "]".repeat(3000)));
        for (String hostile : HOSTILE) {
            bodies.add("{\"taskIds\":[" + json(hostile) + "]}");
        }
        for (String body : bodies) {
            Response response = given().header("x-cron-secret", CRON).contentType("application/json").body(body)
                    .post("/api/dispatch");
            assertProblem(response, "dispatch " + abbreviate(body));
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void malformedModelUpsertsAreProblemsAndStoreNothing() {
        long before = rows();
        String valid = "{\"provider\":\"openai\",\"apiModel\":\"m\",\"displayName\":\"M\",\"active\":true,"
                + "\"inputUsdPerMtok\":1,\"outputUsdPerMtok\":2,\"maxOutputTokens\":1000,\"timeoutSeconds\":60}";
        List<String> bodies = new ArrayList<>(List.of("", "{", "[]", "null", "{}",
                valid.replace("\"openai\"", "\"evil\""), valid.replace("1000", "\"many\""),
                valid.replace("60}", "-5}"), valid.replace("\"active\":true", "\"active\":\"yes please\""),
                valid.replace("\"m\"", "\"m\",\"apiModel\":\"n\""),
                valid.replace("}", ",\"baseUrl\":\"javascript:alert(1)\"}"),
                valid.replace("1,", "1e400,"), valid.replace("\"M\"", "\"\\u0000\""),
                valid.replace("\"m\"", "\"a\\u0000b\""), valid.replace("\"M\"", "\"tab\\tbell\\u0007\"")));
        for (String hostile : HOSTILE) {
            bodies.add(valid.replace("\"M\"", json(hostile.repeat(hostile.length() > 200 ? 1 : 300))));
        }
        for (String body : bodies) {
            Response response = given().header("Authorization", ADMIN).contentType("application/json").body(body)
                    .put("/api/models/fuzz-model");
            assertProblem(response, "upsert " + abbreviate(body));
        }
        for (String hostile : HOSTILE) {
            if (hostile.matches("^[a-z0-9][a-z0-9._-]{0,63}$")) {
                continue; // a well-formed slug ("null") is a legitimate model name
            }
            String slug = java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8);
            Response response = given().urlEncodingEnabled(false).header("Authorization", ADMIN)
                    .contentType("application/json").body(valid).put("/api/models/" + slug);
            assertProblem(response, "upsert slug " + abbreviate(hostile));
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void oversizedBodiesAre413Problems() {
        long before = rows();
        String huge = "{\"taskId\":\"" + "a".repeat(70 * 1024) + "\",\"model\":\"gpt-5\"}";
        Response retry = given().header("Authorization", ADMIN).contentType("application/json").body(huge)
                .post("/api/dispatch/retry");
        assertThat(retry.statusCode()).isEqualTo(413);
        assertProblem(retry, "oversized retry");
        Response upsert = given().header("Authorization", ADMIN).contentType("application/json").body(huge)
                .put("/api/models/big");
        assertThat(upsert.statusCode()).isEqualTo(413);
        assertProblem(upsert, "oversized upsert");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aDispatchBodyInAnotherMediaTypeIsAProblemNotEveryTask() {
        db.insertTask(1, "Generated task");
        long before = rows();
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded"}) {
            Response response = given().header("x-cron-secret", CRON).contentType(type)
                    .body("taskIds=" + java.util.UUID.randomUUID()).post("/api/dispatch");
            assertProblem(response, "dispatch as " + type);
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void wrongMediaTypesAreProblems() {
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded"}) {
            Response response = given().header("Authorization", ADMIN).contentType(type).body("taskId=1&model=x")
                    .post("/api/dispatch/retry");
            assertProblem(response, "retry as " + type);
        }
    }

    static void assertProblem(Response response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.asString()).isBetween(400, 499);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
    }

    private long rows() {
        return db.count("SELECT (SELECT count(*) FROM models) + (SELECT count(*) FROM submissions)"
                + " + (SELECT count(*) FROM provider_calls) + (SELECT count(*) FROM tasks)");
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
