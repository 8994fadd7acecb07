package dev.autobench.renderer;

import dev.autobench.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A body over the renderer's limit (a checks trial's page and checks at most) is a 413 problem+json and renders nothing. */
@QuarkusTest
class BadInputTest {

    /** Fixtures and checks go through the owner: the service's own role may not write them. */
    final DataSource dataSource = PostgresTestResource.ownerDataSource();

    @Test
    void oversizedBodiesAre413ProblemsAndRenderNothing() throws SQLException {
        long before = artifacts();
        Response response = given().header("x-cron-secret", "test-cron-secret-0123456789")
                .contentType("application/json").body("{\"x\":\"" + "a".repeat(1100 * 1024) + "\"}")
                .post("/api/render");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(413);
        assertThat(artifacts()).isEqualTo(before);
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        for (String path : new String[] {"/api/render/../../etc/passwd", "/api/render/%00", "/api/artifacts/x"}) {
            Response response = given().urlEncodingEnabled(false).header("x-cron-secret", "test-cron-secret-0123456789")
                    .post(path);
            assertThat(response.statusCode()).as(path).isBetween(400, 499);
        }
        Response get = given().get("/api/render");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.contentType()).startsWith("application/problem+json");
    }

    private long artifacts() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM artifacts")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
