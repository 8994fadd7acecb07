package dev.autobench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Dispatch wall time against the packaged services, for several model counts: registers N demo models through the
 * dispatcher's admin API (the demo provider sleeps {@code AUTOBENCH_DEMO_LATENCY} per call, so every call is as slow
 * as a real one without any network), retires every other model, generates 3 tasks for a date of their own through
 * the generator, times {@code POST /api/dispatch} and reads the calls' own latencies back from the database: their
 * sum is what a sequential dispatcher would need.
 */
@Command(name = "dispatch", mixinStandardHelpOptions = true,
        description = "Dispatch wall time for 3 tasks × each model count, beside the sum of the calls' latencies.")
final class DispatchWallTime implements Callable<Integer> {

    @Option(names = "--dispatcher", required = true, description = "the dispatcher's base URL")
    String dispatcher;

    @Option(names = "--generator", required = true, description = "the generator's base URL")
    String generator;

    @Mixin
    JdbcLogin database;

    @Option(names = "--cron-secret", required = true, description = "AUTOBENCH_CRON_SECRET of the stack")
    String cronSecret;

    @Option(names = "--admin-token", required = true, description = "AUTOBENCH_ADMIN_TOKEN of the stack")
    String adminToken;

    @Option(names = "--models", split = ",", defaultValue = "4,20,100", description = "model counts (default ${DEFAULT-VALUE})")
    List<Integer> models;

    @Option(names = "--first-date", defaultValue = "2001-01-01", description = "task date of the first count; then a day each")
    LocalDate firstDate;

    @Spec
    CommandSpec spec;

    static final String SLUG_PREFIX = "bench-demo-";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> active = new HashSet<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LocalDate date = firstDate;
        retireOtherModels();
        for (int count : models) {
            out.println(measure(count, date).line());
            out.flush();
            date = date.plusDays(1);
        }
        return 0;
    }

    /** One measured dispatch; {@code line()} is what the suite reads back. */
    record Result(int models, int tasks, int submissions, int succeeded, long wallMs, long sumMs, long slowestMs,
                  String summary) {
        String line() {
            return String.format("dispatch models=%d tasks=%d submissions=%d succeeded=%d wall_ms=%d sum_ms=%d"
                            + " slowest_ms=%d speedup=%.1f summary=%s", models, tasks, submissions, succeeded, wallMs,
                    sumMs, slowestMs, wallMs == 0 ? 0.0 : sumMs / (double) wallMs, summary);
        }
    }

    private Result measure(int models, LocalDate date) throws Exception {
        activateExactly(models);
        int callable = countCallable();
        if (callable != models) {
            throw new IllegalStateException("the dispatcher would call " + callable + " models, not " + models
                    + " (is AUTOBENCH_DEMO_ENABLED=true on the dispatcher?)");
        }
        JsonNode generated = post(generator, "/api/generate?date=" + date, cron());
        if (generated.path("created").asInt() == 0) {
            throw new IllegalStateException("tasks of " + date + " already existed: run on a fresh database");
        }
        long start = System.nanoTime();
        JsonNode summary = post(dispatcher, "/api/dispatch", cron());
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        try (Connection db = database.connect();
             PreparedStatement query = db.prepareStatement("""
                     SELECT count(DISTINCT t.id), count(s.id), count(s.id) FILTER (WHERE s.status = 'succeeded'),
                            coalesce(sum(s.latency_ms), 0), coalesce(max(s.latency_ms), 0)
                     FROM tasks t LEFT JOIN submissions s ON s.task_id = t.id
                     WHERE t.task_date = ?""")) {
            query.setObject(1, date);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Result(models, row.getInt(1), row.getInt(2), row.getInt(3), wallMs, row.getLong(4),
                        row.getLong(5), json.writeValueAsString(summary));
            }
        }
    }

    /** Only bench models may be called: every other enabled model (the demo catalog) is switched off. */
    private void retireOtherModels() throws Exception {
        for (JsonNode model : get(dispatcher, "/api/models")) {
            String slug = model.path("slug").asText();
            if (!slug.startsWith(SLUG_PREFIX) && model.path("enabled").asBoolean(model.path("active").asBoolean())) {
                ObjectNode body = ((ObjectNode) model.deepCopy()).put("active", false);
                body.remove("enabled");
                body.remove("inactiveReason");
                put("/api/models/" + slug, body);
            }
        }
    }

    private void activateExactly(int models) throws Exception {
        for (int i = 1; i <= Math.max(models, active.size()); i++) {
            String slug = String.format("%s%03d", SLUG_PREFIX, i);
            boolean wanted = i <= models;
            if (wanted != active.contains(slug)) {
                ObjectNode body = json.createObjectNode()
                        .put("provider", "demo")
                        .put("apiModel", "demo-good")
                        .put("displayName", "Bench demo " + i)
                        .put("active", wanted)
                        .put("inputUsdPerMtok", 0)
                        .put("outputUsdPerMtok", 0)
                        .put("maxOutputTokens", 4096)
                        .put("timeoutSeconds", 60);
                put("/api/models/" + slug, body);
                if (wanted) {
                    active.add(slug);
                } else {
                    active.remove(slug);
                }
            }
        }
    }

    private int countCallable() throws Exception {
        int callable = 0;
        for (JsonNode model : get(dispatcher, "/api/models")) {
            if (model.path("active").asBoolean()) {
                callable++;
            }
        }
        return callable;
    }

    private HttpRequest.Builder cron() {
        return HttpRequest.newBuilder().header("x-cron-secret", cronSecret);
    }

    private JsonNode get(String base, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    private JsonNode post(String base, String path, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return send(request.uri(URI.create(base + path)).timeout(Duration.ofMinutes(15))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private void put(String path, JsonNode body) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(dispatcher + path))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    }
}
