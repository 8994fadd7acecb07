package dev.autobench.arena.abuse;

import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded, generated fuzz of the match and vote API: hundreds of requests derived from real ones
 * (a served token and its voter cookie) by random mutations of the token, outcome, cookie, body
 * shape and headers. Invariant for every request: the status is one of the contract's, a 4xx is
 * problem+json, and the votes table grows by exactly the number of 201s.
 * A failure prints the seed; rerun with {@code -Dfuzz.seed=<seed>}.
 */
@QuarkusTest
class VoteFuzzTest {

    private static final Set<Integer> ALLOWED = Set.of(200, 201, 204, 400, 403, 404, 406, 409, 413, 415, 429);
    private static final int ROUNDS = 400;
    private static final String[] OUTCOMES = {"left", "right", "tie", "both_bad"};
    private static final String[] NASTY = {"", " ", "null", "' OR 1=1 --", "<svg onload=alert(1)>", "../../etc/passwd",
            "\u0000", "\u202E", "\uD83D\uDE00", "%00", "a.b", ".", "..", "a..b", "=", "AAAA.", ".AAAA", "\\u0000"};

    @BeforeEach
    void seed() {
        ArenaFixtures.reset();
        ArenaFixtures.seed(6, 2, Instant.now(), "games"); // 30 matches
        Voters.pair();
    }

    @Test
    void mutatedVotesAndMatchRequestsKeepTheContract() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> violations = new ArrayList<>();
        int created = 0;
        long votesBefore = votes();
        List<Voters> voters = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            voters.add(new Voters());
        }
        for (int round = 0; round < ROUNDS; round++) {
            Voters voter = voters.get(random.nextInt(voters.size()));
            Response match = voter.nextMatch();
            check(match, "GET match", violations);
            String token = match.statusCode() == 200 ? match.path("voteToken") : "none.none";
            if (match.statusCode() == 204) {
                voters.set(voters.indexOf(voter), new Voters());
            }
            String cookie = mutateCookie(random, voter.cookie(), voters);
            String body = body(random, mutateToken(random, token, voters), random.nextInt(8) == 0
                    ? NASTY[random.nextInt(NASTY.length)] : OUTCOMES[random.nextInt(OUTCOMES.length)]);
            RequestSpecification request = given().body(body);
            request = switch (random.nextInt(10)) {
                case 0 -> request.contentType("text/plain");
                case 1 -> request.contentType("application/json; charset=ISO-8859-1");
                case 2 -> request.contentType("application/x-www-form-urlencoded");
                default -> request.contentType("application/json");
            };
            if (cookie != null) {
                request = request.cookie(Voters.COOKIE, cookie);
            }
            if (random.nextInt(5) == 0) {
                request = request.header("X-Forwarded-For", ascii(NASTY[random.nextInt(NASTY.length)]));
            }
            if (random.nextInt(6) == 0) {
                request = request.accept(random.nextBoolean() ? "text/html" : "application/xml");
            }
            Response vote = request.post("/api/arena/votes");
            check(vote, "POST vote " + abbreviate(body) + " cookie=" + cookie, violations);
            if (vote.statusCode() == 201) {
                created++;
            }
        }
        assertThat(violations).as("seed %d", seed).isEmpty();
        assertThat(votes() - votesBefore).as("seed %d: rows stored vs 201s answered", seed).isEqualTo(created);
        assertThat(created).as("seed %d: the fuzz also exercised valid votes", seed).isPositive();
    }

    private static void check(Response response, String what, List<String> violations) {
        int status = response.statusCode();
        if (!ALLOWED.contains(status)) {
            violations.add(status + " for " + what + ": " + abbreviate(response.asString()));
        } else if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            violations.add(status + " without problem+json (" + response.contentType() + ") for " + what);
        }
    }

    private static String mutateToken(Random random, String token, List<Voters> voters) {
        return switch (random.nextInt(12)) {
            case 0, 1, 2, 3 -> token; // a genuine vote
            case 4 -> flip(random, token);
            case 5 -> token.substring(0, random.nextInt(token.length() + 1));
            case 6 -> token + NASTY[random.nextInt(NASTY.length)];
            case 7 -> {
                int dot = token.indexOf('.');
                yield dot < 0 ? token : token.substring(dot + 1) + "." + token.substring(0, dot);
            }
            case 8 -> randomText(random, random.nextInt(200));
            case 9 -> NASTY[random.nextInt(NASTY.length)];
            case 10 -> {
                Voters other = voters.get(random.nextInt(voters.size()));
                Response theirs = other.nextMatch();
                yield theirs.statusCode() == 200 ? theirs.path("voteToken") : token;
            }
            default -> token.replace('-', '+').replace('_', '/');
        };
    }

    private static String mutateCookie(Random random, String cookie, List<Voters> voters) {
        if (cookie == null) {
            return null;
        }
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> flip(random, cookie);
            case 2 -> voters.get(random.nextInt(voters.size())).cookie();
            case 3 -> ascii(NASTY[random.nextInt(NASTY.length)]).replaceAll("[;,\\s\"\\\\]", "x");
            default -> cookie;
        };
    }

    private static String body(Random random, String token, String outcome) {
        String t = json(token);
        String o = json(outcome);
        return switch (random.nextInt(12)) {
            case 0 -> "{\"voteToken\":" + t + "}";
            case 1 -> "{\"outcome\":" + o + "}";
            case 2 -> "{\"voteToken\":" + random.nextInt() + ",\"outcome\":" + o + "}";
            case 3 -> "{\"voteToken\":" + t + ",\"outcome\":[" + o + "]}";
            case 4 -> "{\"voteToken\":" + t + ",\"outcome\":" + o + ",\"extra\":{\"deep\":[1,2,3]}}";
            case 5 -> "{\"voteToken\":" + t + ",\"outcome\":" + o;
            case 6 -> "[" + t + "," + o + "]";
            case 7 -> randomText(random, random.nextInt(100));
            default -> "{\"voteToken\":" + t + ",\"outcome\":" + o + "}";
        };
    }

    /** What an HTTP client can put in a header at all: printable ASCII. */
    private static String ascii(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static String flip(Random random, String text) {
        if (text.isEmpty()) {
            return "x";
        }
        char[] chars = text.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private static String randomText(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) (random.nextBoolean() ? 0x20 + random.nextInt(0x5f) : random.nextInt(0xd7ff)));
        }
        return out.toString();
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

    private static long votes() {
        return ArenaFixtures.count("SELECT count(*) FROM votes");
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }
}
