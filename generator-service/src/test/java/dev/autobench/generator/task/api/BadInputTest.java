package dev.autobench.generator.task.api;

import dev.autobench.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile dates and bodies on the generator's endpoints: a 4xx problem+json, never a 5xx, no task written. */
@QuarkusTest
class BadInputTest {

    private static final String CRON = "test-cron-secret-0123456789";
    private static final List<String> HOSTILE_DATES = List.of(
            "' OR 1=1 --", "2026-02-30", "2026-13-01", "0000-01-01", "-0001-01-01", "+99999-01-01", "99999-12-31",
            "2026-1-1", "2026/01/01", "20260101", "2026-01-01T00:00:00Z", "<script>alert(1)</script>",
            "../../etc/passwd", "\u0000", "\uD83D\uDE00", "null", "x".repeat(3000), " 2026-01-01", "2026-01-01%00");

    /** Fixtures and checks go through the owner: the service's own role may not write them. */
    final DataSource dataSource = PostgresTestResource.ownerDataSource();

    @Test
    void hostileDatesAreProblemsAndCreateNothing() throws SQLException {
        long before = tasks();
        for (String date : HOSTILE_DATES) {
            String q = URLEncoder.encode(date, StandardCharsets.UTF_8);
            assertProblem(given().urlEncodingEnabled(false).header("x-cron-secret", CRON)
                    .post("/api/generate?date=" + q), "generate " + date);
            assertProblem(given().urlEncodingEnabled(false).get("/api/tasks?date=" + q), "tasks " + date);
        }
        assertThat(tasks()).isEqualTo(before);
    }

    @Test
    void oversizedBodiesAre413Problems() throws SQLException {
        long before = tasks();
        Response response = given().header("x-cron-secret", CRON).contentType("application/json")
                .body("{\"x\":\"" + "a".repeat(20 * 1024) + "\"}").post("/api/generate?date=2031-01-01");
        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response, "oversized generate");
        assertThat(tasks()).isEqualTo(before);
    }

    private static void assertProblem(Response response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.asString()).isBetween(400, 499);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
    }

    private long tasks() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM tasks")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
