package dev.autobench.arena;

import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;

/**
 * Prints GET /api/leaderboard throughput measured by wrk (must be on the PATH) against this
 * service with a 20-model board. Not part of the default run:
 * {@code ./mvnw -o -pl arena-service verify -Dgroups=benchmark -Darena.excludedGroups=none
 * -Dtest=LeaderboardThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@Tag("benchmark")
class LeaderboardThroughputBenchmark {

    @Test
    void wrkAgainstTheLeaderboard() throws IOException, InterruptedException {
        ArenaFixtures.reset();
        ArenaFixtures.seed(20, 3, Instant.now(), "games");
        Voters.pair();
        ArenaFixtures.execute("""
                INSERT INTO votes (match_id, voter_key, ip_hash, outcome)
                SELECT m.id, 'bench-' || g || '-' || m.id, 'bench-ip-hash', (ARRAY['left','right','tie','both_bad'])[1 + g % 4]
                FROM matches m CROSS JOIN generate_series(1, 20) g""");
        // the board counts only tasks whose arena window has closed
        ArenaFixtures.execute("UPDATE tasks SET generated_at = generated_at - interval '24 hours'");
        given().header("x-cron-secret", Voters.CRON_SECRET).post("/api/leaderboard/recompute").then().statusCode(200);
        String url = "http://localhost:" + RestAssured.port + "/api/leaderboard";
        for (List<String> command : List.of(
                List.of("wrk", "-t2", "-c32", "-d10s", "--latency", url),
                List.of("wrk", "-t2", "-c32", "-d10s", "--latency", "-H", "If-None-Match: "
                        + given().get("/api/leaderboard").header("ETag"), url))) {
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor(60, TimeUnit.SECONDS);
            System.out.println(String.join(" ", command) + "\n" + output);
        }
    }
}
