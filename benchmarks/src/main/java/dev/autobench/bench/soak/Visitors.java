package dev.autobench.bench.soak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulated visitors of the arena for a while: each arrives from an address of its own (X-Forwarded-For, trusted for
 * the run), loads the page, takes a match, looks at both artifacts and screenshots, votes after a human-like pause,
 * sometimes checks the leaderboard, the tasks or the votes export, plays a few rounds and leaves. Pairing and the
 * leaderboard's recompute run every minute meanwhile, as their CronJobs do. Any 5xx, transport error or unexpected
 * status is an error.
 */
final class Visitors {

    private static final Pattern FIELD =
            Pattern.compile("\"(matchId|voteToken|artifactUrl|screenshotUrl)\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String arena;
    private final String cronSecret;
    final Latencies latencies = new Latencies();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong votes = new AtomicLong();
    final List<String> samples = Collections.synchronizedList(new ArrayList<>());

    Visitors(String arena, String cronSecret) {
        this.arena = arena;
        this.cronSecret = cronSecret;
    }

    /** {@code visitors} concurrent visitors for {@code minutes}; returns when all have left. */
    void run(int visitors, long minutes) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        ExecutorService pool = Executors.newFixedThreadPool(visitors + 1);
        pool.submit(() -> {
            while (System.nanoTime() < end) {
                cron("/api/pairs/generate");
                cron("/api/leaderboard/recompute");
                sleep(60_000, end);
            }
        });
        for (int i = 0; i < visitors; i++) {
            int id = i;
            pool.submit(() -> {
                Random random = new Random(id);
                while (System.nanoTime() < end) {
                    visit(random, end);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(minutes + 2, TimeUnit.MINUTES);
    }

    private void visit(Random r, long end) {
        String ip = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        String[] cookie = {null};
        call("GET /", get("/", ip, cookie), Set.of(200), cookie);
        int rounds = 1 + r.nextInt(8);
        for (int i = 0; i < rounds && System.nanoTime() < end; i++) {
            HttpResponse<String> match = call("GET /api/arena/match", get("/api/arena/match", ip, cookie),
                    Set.of(200, 204), cookie);
            if (match == null || match.statusCode() != 200) {
                break;
            }
            Map<String, List<String>> f = new HashMap<>();
            Matcher m = FIELD.matcher(match.body());
            while (m.find()) {
                f.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
            }
            for (String url : f.getOrDefault("artifactUrl", List.of())) {
                call("GET /api/artifacts/{id}", get(url, ip, cookie), Set.of(200), cookie);
            }
            for (String url : f.getOrDefault("screenshotUrl", List.of())) {
                call("GET screenshot", get(url, ip, cookie), Set.of(200, 404), cookie);
            }
            sleep(1200 + r.nextInt(4000), end);
            String outcome = List.of("left", "right", "tie", "both_bad").get(r.nextInt(4));
            HttpRequest.Builder vote = request("/api/arena/votes", ip, cookie).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"voteToken\":\"" + f.get("voteToken").get(0)
                            + "\",\"outcome\":\"" + outcome + "\"}"));
            if (call("POST /api/arena/votes", vote, Set.of(201), cookie) != null) {
                votes.incrementAndGet();
            }
            if (r.nextInt(4) == 0) {
                call("GET /api/leaderboard", get("/api/leaderboard", ip, cookie), Set.of(200), cookie);
            }
            if (r.nextInt(10) == 0) {
                call("GET /api/tasks/today", get("/api/tasks/today", ip, cookie), Set.of(200), cookie);
            }
            if (r.nextInt(50) == 0) {
                call("GET /api/export/votes", get("/api/export/votes", ip, cookie), Set.of(200), cookie);
            }
        }
        sleep(r.nextInt(3000), end);
    }

    private HttpRequest.Builder request(String path, String ip, String[] cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : arena + path))
                .timeout(Duration.ofSeconds(30)).header("X-Forwarded-For", ip);
        if (cookie[0] != null) {
            b.header("Cookie", cookie[0]);
        }
        return b;
    }

    private HttpRequest.Builder get(String path, String ip, String[] cookie) {
        return request(path, ip, cookie).GET();
    }

    private HttpResponse<String> call(String name, HttpRequest.Builder request, Set<Integer> expected, String[] cookie) {
        long start = System.nanoTime();
        requests.incrementAndGet();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            latencies.add(name, System.nanoTime() - start);
            response.headers().firstValue("Set-Cookie").ifPresent(c -> cookie[0] = c.substring(0, c.indexOf(';')));
            if (!expected.contains(response.statusCode())) {
                errors.incrementAndGet();
                samples.add(name + " -> " + response.statusCode() + " "
                        + response.body().substring(0, Math.min(200, response.body().length())));
                return null;
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            errors.incrementAndGet();
            samples.add(name + " -> " + e);
            return null;
        }
    }

    private void cron(String path) {
        call("POST " + path, HttpRequest.newBuilder(URI.create(arena + path)).timeout(Duration.ofSeconds(60))
                .header("x-cron-secret", cronSecret).POST(HttpRequest.BodyPublishers.noBody()), Set.of(200), new String[1]);
    }

    private static void sleep(long ms, long end) {
        try {
            Thread.sleep(Math.max(0, Math.min(ms, (end - System.nanoTime()) / 1_000_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
