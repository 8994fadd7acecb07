package dev.autobench.arena.abuse;

import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.TestTokens;
import dev.autobench.arena.support.Voters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Can a script steer the board? A day of honest voters (each its own address and an established
 * cookie) votes from known strengths through the real API; then attackers try to lift the weakest
 * model with ten times as many attempts as there were honest votes: from one address with a fresh
 * cookie per attempt, and from a fresh address per attempt; each either voting for a side at random
 * (identities are hidden while the task is open) or, as a worst case, knowing which side is the
 * target. The production limits are kept; only the minimum view time and cookie age are short so the
 * test runs fast. The target's rating may move by less than one interval width, and every attempt
 * that was refused or not counted shows in the abuse meters.
 */
@QuarkusTest
@TestProfile(SteeringTest.ProductionRules.class)
class SteeringTest {

    /** Whether this run's arena asks for the human check (honest voters pass it; attackers cannot). */
    boolean humanCheckOn() {
        return false;
    }

    String reportName() {
        return "steering-report.txt";
    }

    static final Duration MIN_VIEW = Duration.ofSeconds(1);
    static final Duration COOKIE_AGE = Duration.ofSeconds(30);
    /** An attacker batch stops taking matches after this, so a fresh cookie is still young when it votes. */
    static final Duration BATCH_TIME = Duration.ofSeconds(4);
    static final double[] STRENGTH = {800, 900, 1000, 1100, 1200};
    static final int TARGET = 0;
    static final int HONEST_VOTERS = 20;
    static final int HONEST_ROUNDS = 8;
    static final int BATCH = 200;

    public static class ProductionRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
            config.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1/32");
            config.put("autobench.arena.min-view-time", MIN_VIEW.toMillis() + "ms");
            config.put("autobench.arena.cookie.min-age-to-count", COOKIE_AGE.toMillis() + "ms");
            // the production limits (the test profile relaxes them for one host acting as many voters)
            config.put("autobench.arena.rate-limit.voter-per-minute", "20");
            config.put("autobench.arena.rate-limit.voter-per-hour", "300");
            config.put("autobench.arena.rate-limit.ip-per-minute", "60");
            config.put("autobench.arena.rate-limit.ip-per-hour", "1000");
            config.put("autobench.arena.rate-limit.matches-per-minute", "60");
            config.put("autobench.arena.rate-limit.matches-per-hour", "1000");
            config.put("autobench.arena.rate-limit.cookies-per-minute", "10");
            config.put("autobench.arena.rate-limit.cookies-per-hour", "60");
            return config;
        }
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    private ArenaFixtures.Seeded seeded;
    private Map<UUID, Integer> modelOf; // submission → model index
    private final SplittableRandom random = new SplittableRandom(20261202);

    @Test
    void attackersWithTenTimesTheHonestVotesMoveTheTargetByLessThanOneIntervalWidth() throws Exception {
        ArenaFixtures.reset();
        seeded = ArenaFixtures.seed(STRENGTH.length, 6, Instant.now(), "games");
        Voters.pair();
        modelOf = new HashMap<>();
        for (int i = 0; i < seeded.submissions().size(); i++) {
            modelOf.put(seeded.submissions().get(i), i % STRENGTH.length);
        }

        int honest = honestDay();
        Standing before = standing();
        assertThat(before.width()).isPositive();
        int attempts = 10 * honest;
        StringBuilder report = new StringBuilder("honest counted votes: " + honest + ", target " + seeded.slugs().get(TARGET)
                + " rated " + before.rating() + " [" + before.low() + ", " + before.high() + "] on " + before.votes()
                + " votes\n");

        for (Attack attack : Attack.values()) {
            Meters meters = Meters.read();
            long counted = counted();
            int refusedOrUncounted = attack.run(this, attempts);
            long newlyCounted = counted() - counted;
            Standing after = standing();
            double moved = (after.rating() - before.rating()) / before.width();
            report.append(String.format("%s: %d attempts, %d counted, moved %.3f interval widths%n",
                    attack, attempts, newlyCounted, moved));
            // every attempt that did not count is on the dashboard: refused requests, refused votes,
            // or votes stored uncounted
            assertThat(Meters.read().minus(meters)).as(attack.name()).isEqualTo(refusedOrUncounted);
            assertThat(refusedOrUncounted + newlyCounted).as(attack.name()).isEqualTo(attempts);
            assertThat(Math.abs(moved)).as(attack.name()).isLessThan(1.0);
        }
        // many addresses, each cookie kept until it has come of age, voting at random (the identities
        // are hidden): not bounded by the rules above, only by the human check (measured for the record
        // without it)
        long counted = counted();
        int aged = agedCookiesFromManyAddresses(attempts);
        long agedCounted = counted() - counted;
        Standing after = standing();
        double agedMoved = (after.rating() - before.rating()) / before.width();
        report.append(String.format("MANY_ADDRESSES_AGED_COOKIES_RANDOM_SIDE (%s): %d attempts, %d counted,"
                + " moved %.3f interval widths (target now %.1f [%.1f, %.1f] on %d votes)%n",
                humanCheckOn() ? "human check on" : "not bounded without the human check", attempts, agedCounted,
                agedMoved, after.rating(), after.low(), after.high(), after.votes()));
        assertThat(aged).isEqualTo(attempts);
        if (humanCheckOn()) {
            assertThat(agedCounted).isZero();
            assertThat(Math.abs(agedMoved)).isLessThan(1.0);
        }
        Files.writeString(Path.of("target", reportName()), report);
        System.out.println(report);
    }

    /** Honest voters with established cookies vote on what they are served, from the known strengths. */
    private int honestDay() {
        List<Browser> voters = new ArrayList<>();
        for (int v = 0; v < HONEST_VOTERS; v++) {
            Browser voter = new Browser("198.18.0." + (v + 1));
            // returning visitors: cookies minted on an earlier day
            voter.cookie = TestTokens.mintedCookie(TestTokens.TEST_KEY, UUID.randomUUID(), Instant.now().minus(Duration.ofDays(3)));
            if (humanCheckOn()) {
                assertThat(voter.passHumanCheck("human-" + v).status()).isEqualTo(200);
            }
            voters.add(voter);
        }
        int stored = 0;
        for (int round = 0; round < HONEST_ROUNDS; round++) {
            List<Served> served = new ArrayList<>();
            for (Browser voter : voters) {
                served.add(voter.next());
            }
            waitFor(Instant.now().plus(MIN_VIEW).plusMillis(200));
            for (Served s : served) {
                if (s == null) {
                    continue;
                }
                double pLeft = 1 / (1 + Math.pow(10, (STRENGTH[s.right()] - STRENGTH[s.left()]) / 400));
                assertThat(s.browser().vote(s, random.nextDouble() < pLeft ? "left" : "right").status()).isEqualTo(201);
                stored++;
            }
        }
        assertThat(counted()).isEqualTo(stored);
        return stored;
    }

    enum Attack {
        ONE_ADDRESS_RANDOM_SIDE(false, false),
        ONE_ADDRESS_KNOWS_SIDE(false, true),
        MANY_ADDRESSES_RANDOM_SIDE(true, false),
        MANY_ADDRESSES_KNOWS_SIDE(true, true);

        final boolean manyAddresses;
        final boolean knowsSide;

        Attack(boolean manyAddresses, boolean knowsSide) {
            this.manyAddresses = manyAddresses;
            this.knowsSide = knowsSide;
        }

        /** @return the attempts that were refused or stored uncounted, by the attacker's own reading */
        int run(SteeringTest test, int attempts) {
            int failed = 0;
            int done = 0;
            int address = 0;
            while (done < attempts) {
                List<Served> batch = new ArrayList<>();
                Instant batchEnd = Instant.now().plus(BATCH_TIME);
                for (int k = 0; k < BATCH && done < attempts && Instant.now().isBefore(batchEnd); k++, done++) {
                    // a fresh cookie every time: the browser never sends one back
                    String ip = manyAddresses ? "203.0." + (address / 250) + "." + (address % 250 + 1) : "203.0.113.66";
                    address++;
                    Served served = test.new Browser(ip).next();
                    if (served == null) {
                        failed++;
                    } else {
                        batch.add(served);
                    }
                }
                waitFor(Instant.now().plus(MIN_VIEW).plusMillis(200));
                for (Served s : batch) {
                    String side = knowsSide && (s.left() == TARGET || s.right() == TARGET)
                            ? (s.left() == TARGET ? "left" : "right")
                            : (test.random.nextBoolean() ? "left" : "right");
                    Answer vote = s.browser().vote(s, side);
                    if (vote.status() != 201 || !vote.body().path("counted").asBoolean(false)) {
                        failed++;
                    }
                }
            }
            return failed;
        }
    }

    /** Takes a match (and a fresh cookie) at each of many addresses, waits for the cookies to age, votes. */
    private int agedCookiesFromManyAddresses(int attempts) {
        List<Served> served = new ArrayList<>();
        for (int k = 0; k < attempts; k++) {
            Served s = new Browser("100.64." + (k / 250) + "." + (k % 250 + 1)).next();
            assertThat(s).isNotNull();
            served.add(s);
        }
        waitFor(Instant.now().plus(COOKIE_AGE).plusSeconds(1));
        int stored = 0;
        for (Served s : served) {
            stored += s.browser().vote(s, random.nextBoolean() ? "left" : "right").status() == 201 ? 1 : 0;
        }
        return stored;
    }

    record Served(Browser browser, UUID matchId, String token, int left, int right) {
    }

    record Answer(int status, JsonNode body) {
    }

    /**
     * One browser at one client address; keeps its cookie like a real one. Plain java.net.http and
     * Jackson: thousands of requests through RestAssured's Groovy paths would take many minutes.
     */
    final class Browser {
        final String address;
        String cookie;

        Browser(String address) {
            this.address = address;
        }

        /** The next match, or null when it was refused (429) or there is none. */
        Served next() {
            Answer match = send(HttpRequest.newBuilder(base.resolve("/api/arena/match")).GET());
            if (match.status() != 200) {
                assertThat(match.status()).isIn(204, 429);
                return null;
            }
            UUID left = UUID.fromString(match.body().at("/left/artifactId").asText());
            UUID right = UUID.fromString(match.body().at("/right/artifactId").asText());
            return new Served(this, UUID.fromString(match.body().get("matchId").asText()),
                    match.body().get("voteToken").asText(), modelOfArtifact(left), modelOfArtifact(right));
        }

        /** What a person's browser does once: sends the token its widget produced. */
        Answer passHumanCheck(String token) {
            return send(HttpRequest.newBuilder(base.resolve("/api/arena/human-check"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")));
        }

        Answer vote(Served served, String outcome) {
            String body = "{\"voteToken\":\"" + served.token() + "\",\"outcome\":\"" + outcome + "\"}";
            return send(HttpRequest.newBuilder(base.resolve("/api/arena/votes"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private Answer send(HttpRequest.Builder request) {
            request.header("X-Forwarded-For", address);
            if (cookie != null) {
                request.header("Cookie", Voters.COOKIE + "=" + cookie);
            }
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                response.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith(Voters.COOKIE + "="))
                        .findFirst()
                        .ifPresent(c -> cookie = c.substring(Voters.COOKIE.length() + 1, c.indexOf(';')));
                String text = response.body();
                return new Answer(response.statusCode(), text == null || text.isEmpty() ? null : JSON.readTree(text));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The harness (not the attacker) knows which model answered: the seeded artifacts are in order. */
    private int modelOfArtifact(UUID artifact) {
        int index = seeded.artifacts().indexOf(artifact);
        assertThat(index).isNotNegative();
        return modelOf.get(seeded.submissions().get(index));
    }

    record Standing(double rating, double low, double high, long votes) {
        double width() {
            return high - low;
        }
    }

    /**
     * The target's standing on the board this day will publish: the board counts a task's votes once
     * its arena window has closed, so the day's window is closed for the reading and reopened for
     * the next voters.
     */
    private Standing standing() {
        ArenaFixtures.execute("UPDATE tasks SET generated_at = generated_at - interval '24 hours'");
        Response board;
        try {
            given().header("x-cron-secret", Voters.CRON_SECRET).post("/api/leaderboard/recompute").then().statusCode(200);
            board = given().get("/api/leaderboard");
        } finally {
            ArenaFixtures.execute("UPDATE tasks SET generated_at = generated_at + interval '24 hours'");
        }
        List<Map<String, Object>> models = board.path("models");
        for (Map<String, Object> row : models) {
            if (seeded.slugs().get(TARGET).equals(row.get("model"))) {
                return new Standing(((Number) row.get("rating")).doubleValue(), ((Number) row.get("ciLow")).doubleValue(),
                        ((Number) row.get("ciHigh")).doubleValue(), ((Number) row.get("votes")).longValue());
            }
        }
        throw new AssertionError("the target is not on the board");
    }

    private static long counted() {
        return ArenaFixtures.count("SELECT count(*) FROM votes WHERE counted");
    }

    /** Refused matches and cookies, refused votes, and votes stored uncounted, as the dashboard sees them. */
    record Meters(double limited, double rejected, double uncounted) {
        static Meters read() {
            return new Meters(ArenaMeters.sum("autobench_requests_limited_total", ""),
                    ArenaMeters.sum("autobench_votes_rejected_total", ""), ArenaMeters.uncounted());
        }

        int minus(Meters before) {
            return (int) Math.round(limited - before.limited + rejected - before.rejected + uncounted - before.uncounted);
        }
    }

    /** Waits out a rule's minimum time (view time, cookie age): the rule, not an ordering guess. */
    private static void waitFor(Instant until) {
        while (Instant.now().isBefore(until)) {
            try {
                Thread.sleep(Math.max(1, Duration.between(Instant.now(), until).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
