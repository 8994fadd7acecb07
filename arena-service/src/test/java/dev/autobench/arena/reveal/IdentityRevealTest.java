package dev.autobench.arena.reveal;

import dev.autobench.arena.export.VotesExport;
import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.TestTokens;
import dev.autobench.arena.support.Voters;
import dev.autobench.common.security.AdminSecured;
import dev.autobench.common.security.CronSecured;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While a task is inside the arena window, no public response of the arena — every GET endpoint
 * found by reflection over the resources, with every id and query value a visitor could learn,
 * the static pages, the export, the CSV, the vote response and the errors — names a model of that
 * task (slug, display name or provider), and none maps one of its match, submission or artifact
 * ids to a model. Once the window has closed, all of it is public.
 */
@QuarkusTest
class IdentityRevealTest {

    /** Resources live in the feature packages below this one. */
    private static final String ARENA_PACKAGE = "dev.autobench.arena";
    private static final List<String> STATIC_PAGES = List.of("/", "/index.html", "/leaderboard.html", "/tasks.html",
            "/my-votes.html", "/js/arena.js", "/js/common.js", "/js/leaderboard.js", "/js/tasks.js", "/js/my-votes.js",
            "/css/app.css", "/favicon.svg", "/q/openapi", "/q/health");
    /**
     * The leaderboard lists the roster (every registered model, as the dispatcher's public model
     * list does); it holds no per-match, per-submission or per-artifact data, which is checked.
     */
    private static final Set<String> ROSTER_PATHS = Set.of("/api/leaderboard", "/api/leaderboard.csv");

    @Inject
    VotesExport export;

    record Secret(String slug, String displayName, String provider) {
    }

    record Served(String request, String path, int status, String body) {
    }

    @Test
    void whileATaskIsOpenNoPublicResponseRevealsItsModelsAndOnceClosedEverythingIsPublic() throws Exception {
        ArenaFixtures.reset();
        String run = UUID.randomUUID().toString().substring(0, 6);
        // a closed day of other models: the export, the board and the gallery have public rows to show
        UUID closedTask;
        List<Secret> secrets = List.of(new Secret("hidden-" + run + "-a", "Hidden Alpha " + run, "google"),
                new Secret("hidden-" + run + "-b", "Hidden Beta " + run, "deepseek"),
                new Secret("hidden-" + run + "-c", "Hidden Gamma " + run, "openai-compatible"));
        UUID openTask;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant openedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        try (Connection c = ArenaFixtures.connect()) {
            List<UUID> old = new ArrayList<>();
            for (String slug : List.of("public-" + run + "-x", "public-" + run + "-y")) {
                old.add(ArenaFixtures.insertModel(c, slug, "Public " + slug, slug.endsWith("x") ? "openai" : "anthropic"));
            }
            closedTask = ArenaFixtures.insertTask(c, today.minusDays(3), "Closed " + run, "tools",
                    Instant.now().minus(Duration.ofDays(3)));
            List<UUID> oldSubmissions = new ArrayList<>();
            for (UUID model : old) {
                UUID submission = ArenaFixtures.insertSubmission(c, closedTask, model, "<p>old</p>");
                ArenaFixtures.insertArtifact(c, submission, "rendered");
                oldSubmissions.add(submission);
            }
            UUID oldMatch = insertMatch(c, closedTask, oldSubmissions.get(0), oldSubmissions.get(1));
            insertVote(c, oldMatch, "old-voter-" + run);

            openTask = ArenaFixtures.insertTask(c, today, "Open " + run, "interactive", openedAt);
            for (Secret secret : secrets) {
                UUID model = ArenaFixtures.insertModel(c, secret.slug(), secret.displayName(), secret.provider());
                UUID submission = ArenaFixtures.insertSubmission(c, openTask, model, "<p>" + UUID.randomUUID() + "</p>");
                ArenaFixtures.insertArtifact(c, submission, "rendered");
            }
        }
        Voters.pair();
        Voters voter = new Voters();
        Response match = voter.nextMatch();
        String matchId = match.path("matchId");
        Response receipt = voter.vote(TestTokens.backdated(match.path("voteToken"), 10), "left");
        receipt.then().statusCode(201);
        assertThat(receipt.<String>path("outcome")).isEqualTo("left");
        assertThat(Instant.parse(receipt.path("revealAt"))).isEqualTo(openedAt.plus(Duration.ofHours(24)));
        Response second = voter.nextMatch();
        String heldToken = second.path("voteToken");

        List<Served> responses = new ArrayList<>();
        responses.add(new Served("POST /api/arena/votes (201)", "/api/arena/votes", 201, receipt.asString()));
        responses.add(new Served("GET /api/arena/match", "/api/arena/match", match.statusCode(), match.asString()));
        Response duplicate = voter.vote(TestTokens.backdated(match.path("voteToken"), 10), "right");
        responses.add(new Served("POST /api/arena/votes (duplicate)", "/api/arena/votes", duplicate.statusCode(),
                duplicate.asString()));
        Response forged = voter.vote(heldToken.substring(0, heldToken.length() - 4) + "AAAA", "right");
        responses.add(new Served("POST /api/arena/votes (forged)", "/api/arena/votes", forged.statusCode(), forged.asString()));
        given().header("x-cron-secret", Voters.CRON_SECRET).post("/api/leaderboard/recompute").then().statusCode(200);
        export.refresh();

        Set<UUID> openIds = openIds(openTask);
        Map<String, List<String>> values = values(voter, openTask, closedTask, openIds);
        responses.addAll(everyPublicGet(voter, values));
        assertThat(responses).hasSizeGreaterThan(30);

        for (Served served : responses) {
            assertThat(served.status()).as(served.request()).isLessThan(500);
            if (ROSTER_PATHS.contains(served.path())) {
                for (UUID id : openIds) {
                    assertThat(served.body()).as(served.request()).doesNotContain(id.toString());
                }
                continue;
            }
            for (Secret secret : secrets) {
                assertThat(served.body()).as(served.request())
                        .doesNotContain(secret.slug()).doesNotContain(secret.displayName());
                if (served.path().startsWith("/api/")) {
                    assertThat(served.body()).as(served.request()).doesNotContain(secret.provider());
                }
            }
        }
        // the closed day is public as before
        String closedExport = given().get("/api/export/votes").asString();
        assertThat(closedExport).contains("public-" + run + "-x").doesNotContain(matchId);

        // the window closes: the held token is refused, everything is public
        ArenaFixtures.execute("UPDATE tasks SET generated_at = generated_at - interval '24 hours' WHERE id = '"
                + openTask + "'");
        Response late = voter.vote(TestTokens.backdated(heldToken, 10), "left");
        late.then().statusCode(403).contentType(org.hamcrest.Matchers.containsString("application/problem+json"));
        assertThat(late.<String>path("detail")).contains("closed");
        export.refresh();
        given().header("x-cron-secret", Voters.CRON_SECRET).post("/api/leaderboard/recompute").then().statusCode(200);

        String detail = given().get("/api/tasks/" + openTask).then().statusCode(200).extract().asString();
        String exported = given().get("/api/export/votes").then().statusCode(200).extract().asString();
        String mine = given().cookie(Voters.COOKIE, voter.cookie()).get("/api/arena/my-votes").then().statusCode(200)
                .extract().asString();
        for (Secret secret : secrets) {
            assertThat(detail).contains(secret.slug(), secret.displayName(), secret.provider());
        }
        assertThat(exported).contains(matchId);
        assertThat(mine).contains(matchId).contains("\"revealed\":true");
        assertThat(secrets.stream().filter(s -> mine.contains(s.slug()))).hasSize(2);
        assertThat(secrets.stream().filter(s -> exported.contains(s.slug()))).hasSize(2);
    }

    /** Every match, submission and artifact id of the open task. */
    private static Set<UUID> openIds(UUID task) throws SQLException {
        Set<UUID> ids = new LinkedHashSet<>();
        try (Connection c = ArenaFixtures.connect(); PreparedStatement st = c.prepareStatement("""
                SELECT m.id FROM matches m WHERE m.task_id = ?
                UNION ALL SELECT s.id FROM submissions s WHERE s.task_id = ?
                UNION ALL SELECT a.id FROM artifacts a JOIN submissions s ON s.id = a.submission_id WHERE s.task_id = ?
                """)) {
            st.setObject(1, task);
            st.setObject(2, task);
            st.setObject(3, task);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** The values a visitor could put in each path or query parameter. */
    private static Map<String, List<String>> values(Voters voter, UUID openTask, UUID closedTask, Set<UUID> openIds)
            throws SQLException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(Stream.of(openTask, closedTask).map(UUID::toString).toList());
        openIds.forEach(id -> ids.add(id.toString()));
        ids.add(UUID.randomUUID().toString());
        ids.add("not-a-uuid");
        values.put("id", ids);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        values.put("date", List.of("", today.toString(), today.minusDays(3).toString(), "not-a-date"));
        values.put("category", List.of("", "interactive", "tools", "no-such-category"));
        return values;
    }

    private static List<Served> everyPublicGet(Voters voter, Map<String, List<String>> values) throws Exception {
        List<Served> served = new ArrayList<>();
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        java.nio.file.Path dir = classes.resolve(ARENA_PACKAGE.replace('.', '/'));
        List<String> templates = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
                Class<?> type = Class.forName(name, false, IdentityRevealTest.class.getClassLoader());
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null || type.isAnnotationPresent(CronSecured.class)
                        || type.isAnnotationPresent(AdminSecured.class)) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (!method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(CronSecured.class)
                            || method.isAnnotationPresent(AdminSecured.class)) {
                        continue;
                    }
                    Path methodPath = method.getAnnotation(Path.class);
                    String template = (classPath.value() + (methodPath == null ? "" : "/" + methodPath.value()))
                            .replaceAll("/+", "/");
                    templates.add(template);
                    for (String url : expand(template, method, values)) {
                        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
                        for (String dest : new String[] {null, "document", "iframe"}) {
                            var request = given().urlEncodingEnabled(false).cookie(Voters.COOKIE, voter.cookie());
                            if (dest != null) {
                                request = request.header("Sec-Fetch-Dest", dest);
                            }
                            Response response = request.get(url);
                            served.add(new Served("GET " + url + " (Sec-Fetch-Dest " + dest + ")", template,
                                    response.statusCode(), new String(response.asByteArray(), StandardCharsets.ISO_8859_1)));
                        }
                    }
                }
            }
        }
        assertThat(templates).contains("/api/export/votes", "/api/tasks/{id}", "/api/artifacts/{id}",
                "/api/arena/my-votes", "/api/leaderboard.csv");
        for (String page : STATIC_PAGES) {
            Response response = given().get(page);
            served.add(new Served("GET " + page, page, response.statusCode(), response.asString()));
        }
        return served;
    }

    private static List<String> expand(String template, Method method, Map<String, List<String>> values) {
        List<String> urls = new ArrayList<>(List.of(template));
        for (Parameter parameter : method.getParameters()) {
            PathParam path = parameter.getAnnotation(PathParam.class);
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (path != null) {
                List<String> next = new ArrayList<>();
                for (String url : urls) {
                    for (String value : values.getOrDefault(path.value(), List.of("x"))) {
                        next.add(url.replace("{" + path.value() + "}", value));
                    }
                }
                urls = next;
            } else if (query != null) {
                List<String> next = new ArrayList<>();
                for (String url : urls) {
                    for (String value : values.getOrDefault(query.value(), List.of(""))) {
                        next.add(value.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + query.value() + "=" + value);
                    }
                }
                urls = next;
            }
        }
        return urls;
    }

    static UUID insertMatch(Connection c, UUID task, UUID left, UUID right) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO matches (task_id, left_submission_id, right_submission_id, vote_count)
                VALUES (?, ?, ?, 1) RETURNING id""")) {
            st.setObject(1, task);
            st.setObject(2, left);
            st.setObject(3, right);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    static void insertVote(Connection c, UUID match, String voterKey) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO votes (match_id, voter_key, ip_hash, outcome, counted, served_at, created_at)
                VALUES (?, ?, 'old-ip-hash-0', 'right', true, now() - interval '3 days', now() - interval '3 days')""")) {
            st.setObject(1, match);
            st.setString(2, voterKey);
            st.executeUpdate();
        }
    }
}
