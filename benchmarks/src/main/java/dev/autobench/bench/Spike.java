package dev.autobench.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A spike of first visits at a fixed schedule (open loop): {@code rate} requests a second for the
 * steady phase, ramped linearly to {@code factor × rate} over the ramp, held, then back to
 * {@code rate}. Each request is sent at its planned time whatever the answers before it, and its
 * latency is measured from that planned time, so a stalled server shows as latency, not as fewer
 * requests. Each request is a new visitor (no cookie) from its own address ({@code X-Forwarded-For}).
 * Per phase: requests, p50/p99, errors (anything but a 200, a timeout, a refused connection) and
 * the highest resident memory of {@code --pid} sampled every 200 ms.
 *
 */
@Command(name = "spike", mixinStandardHelpOptions = true,
        description = "Open-loop spike of first visits: steady, ramp, spike, after; per phase latency, errors, RSS.")
final class Spike implements Callable<Integer> {

    @Option(names = "--url", required = true, description = "the URL every request GETs")
    URI url;

    @Option(names = "--rate", defaultValue = "100", description = "requests a second outside the spike")
    double rate;

    @Option(names = "--factor", defaultValue = "10", description = "the spike's rate over --rate")
    double factor;

    @Option(names = "--steady", defaultValue = "60", description = "seconds at --rate before the ramp")
    double steady;

    @Option(names = "--ramp", defaultValue = "10", description = "seconds of the linear ramp up")
    double ramp;

    @Option(names = "--hold", defaultValue = "60", description = "seconds at the spike's rate")
    double hold;

    @Option(names = "--after", defaultValue = "60", description = "seconds back at --rate")
    double after;

    @Option(names = "--pid", defaultValue = "", description = "process whose RSS is sampled every 200 ms")
    String pid;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        run(out);
        out.flush();
        return 0;
    }

    private record Phase(String name, double fromRate, double toRate, double seconds) {
    }

    private static final class Tally {
        final List<Long> micros = new ArrayList<>();
        final Map<String, Integer> statuses = new TreeMap<>();
        int errors;
        long rssMaxKb;
        long rssFirstKb = -1;

        synchronized void add(long latencyMicros, String status, boolean error) {
            micros.add(latencyMicros);
            statuses.merge(status, 1, Integer::sum);
            if (error) {
                errors++;
            }
        }

        synchronized void rss(long kb) {
            rssMaxKb = Math.max(rssMaxKb, kb);
            if (rssFirstKb < 0) {
                rssFirstKb = kb;
            }
        }
    }

    private void run(PrintWriter out) throws Exception {
        List<Phase> phases = List.of(
                new Phase("steady", rate, rate, steady),
                new Phase("ramp", rate, rate * factor, ramp),
                new Phase("spike", rate * factor, rate * factor, hold),
                new Phase("after", rate, rate, after));
        Tally[] tallies = new Tally[phases.size()];
        Arrays.setAll(tallies, i -> new Tally());

        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(callbacks).build();
        long start = System.nanoTime();
        double[] phaseStart = new double[phases.size() + 1];
        for (int i = 0; i < phases.size(); i++) {
            phaseStart[i + 1] = phaseStart[i] + phases.get(i).seconds();
        }
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        if (!pid.isEmpty()) {
            sampler.scheduleAtFixedRate(() -> {
                double t = (System.nanoTime() - start) / 1e9;
                int phase = phaseAt(phaseStart, t);
                if (phase >= 0) {
                    tallies[phase].rss(rssKb(pid));
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
        }

        List<CompletableFuture<?>> pending = new ArrayList<>();
        long sent = 0;
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            Tally tally = tallies[i];
            // the n-th request of the phase is due when the integral of the rate reaches n
            double a = phase.fromRate();
            double slope = (phase.toRate() - phase.fromRate()) / phase.seconds();
            for (long n = 0; ; n++) {
                double s = slope == 0 ? n / a : (-a + Math.sqrt(a * a + 2 * slope * n)) / slope;
                if (s >= phase.seconds()) {
                    break;
                }
                long due = start + (long) ((phaseStart[i] + s) * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                sent++;
                HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                        .header("Accept", "application/json")
                        .header("X-Forwarded-For", address(sent)).GET().build();
                pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                    long micros = (System.nanoTime() - due) / 1000;
                    if (failure != null) {
                        tally.add(micros, failure.getClass().getSimpleName(), true);
                    } else {
                        tally.add(micros, Integer.toString(response.statusCode()), response.statusCode() != 200);
                    }
                    return null;
                }));
                if (pending.size() > 10_000) {
                    pending.removeIf(CompletableFuture::isDone);
                }
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        sampler.shutdownNow();
        callbacks.shutdown();
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            Tally t = tallies[i];
            synchronized (t) {
                long[] sorted = t.micros.stream().mapToLong(Long::longValue).sorted().toArray();
                out.printf("spike phase=%s rate=%s seconds=%.0f requests=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d statuses=%s rss_max_mb=%s%n",
                        phase.name(), phase.fromRate() == phase.toRate() ? fmt(phase.fromRate())
                                : fmt(phase.fromRate()) + "->" + fmt(phase.toRate()),
                        phase.seconds(), sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99),
                        sorted.length == 0 ? 0.0 : sorted[sorted.length - 1] / 1000.0, t.errors,
                        t.statuses.toString().replace(" ", ""), t.rssMaxKb == 0 ? "?" : Long.toString(t.rssMaxKb / 1024));
            }
        }
    }

    static int phaseAt(double[] phaseStart, double t) {
        for (int i = 0; i < phaseStart.length - 1; i++) {
            if (t >= phaseStart[i] && t < phaseStart[i + 1]) {
                return i;
            }
        }
        return -1;
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    /** A distinct documentation-range-free private address per visitor (10.x.y.z). */
    static String address(long n) {
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    private static String fmt(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    private static long rssKb(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
