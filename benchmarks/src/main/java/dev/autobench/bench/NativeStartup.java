package dev.autobench.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Start-up and idle memory of one service build (a native executable, or {@code java -jar quarkus-run.jar}): starts
 * it {@code --runs} times and prints, per run and as the median, the time from starting the process until
 * {@code /q/health/ready} first answers 200 (the database connected and the schema validated), the resident set
 * size {@code --idle} seconds after that (VmRSS of the process, from {@code /proc}), and the size on disk of
 * what the command runs ({@code --size}: the executable, or the quarkus-app directory).
 *
 * <pre>
 * java -cp benchmarks/target/classes dev.autobench.bench.NativeStartup --name generator-native --port 18081 \
 *     --runs 5 --idle 10 --size generator-service/target/generator-service-1.0.0-SNAPSHOT-runner \
 *     --env QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:54329/autobench ... \
 *     -- generator-service/target/generator-service-1.0.0-SNAPSHOT-runner
 * </pre>
 *
 * {@code QUARKUS_HTTP_PORT} is set from {@code --port}; the service's output goes to {@code --log} (default
 * {@code target/native-startup-<name>.log}).
 */
public final class NativeStartup {

    private static final Duration GIVE_UP = Duration.ofMinutes(3);
    private static final long POLL_MILLIS = 5;

    private NativeStartup() {
    }

    /** One start: milliseconds until ready, RSS in kB after the idle pause. */
    record Run(double readyMillis, long rssKb) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                command.addAll(List.of(args).subList(i + 1, args.length));
                break;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            String value = args[++i];
            if (args[i - 1].equals("--env")) {
                int eq = value.indexOf('=');
                env.put(value.substring(0, eq), value.substring(eq + 1));
            } else {
                options.put(args[i - 1].substring(2), value);
            }
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command after --");
        }
        String name = options.getOrDefault("name", Path.of(command.get(command.size() - 1)).getFileName().toString());
        int port = Integer.parseInt(options.getOrDefault("port", "18080"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int idleSeconds = Integer.parseInt(options.getOrDefault("idle", "10"));
        Path log = Path.of(options.getOrDefault("log", "target/native-startup-" + name + ".log"));
        Files.createDirectories(log.toAbsolutePath().getParent());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));

        List<Run> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Run run = once(command, env, port, idleSeconds, log);
            results.add(run);
            System.out.printf(Locale.ROOT, "%s run %d: ready in %.0f ms, RSS %.1f MB after %d s idle%n",
                    name, i, run.readyMillis(), run.rssKb() / 1024.0, idleSeconds);
        }
        String size = options.containsKey("size")
                ? String.format(Locale.ROOT, "%.1f MB", sizeOf(Path.of(options.get("size"))) / 1_000_000.0) : "-";
        System.out.printf(Locale.ROOT, "| %s | %.3f s (%.3f – %.3f) | %.1f MB (%.1f – %.1f) | %s | %d |%n", name,
                median(results.stream().mapToDouble(Run::readyMillis).toArray()) / 1000,
                results.stream().mapToDouble(Run::readyMillis).min().orElseThrow() / 1000,
                results.stream().mapToDouble(Run::readyMillis).max().orElseThrow() / 1000,
                median(results.stream().mapToDouble(r -> r.rssKb() / 1024.0).toArray()),
                results.stream().mapToDouble(r -> r.rssKb() / 1024.0).min().orElseThrow(),
                results.stream().mapToDouble(r -> r.rssKb() / 1024.0).max().orElseThrow(),
                size, runs);
    }

    private static Run once(List<String> command, Map<String, String> env, int port, int idleSeconds, Path log)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (!answers200(http, ready)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(command.get(0) + " exited with " + process.exitValue() + "; see " + log);
                }
                if (System.nanoTime() - start > GIVE_UP.toNanos()) {
                    throw new IllegalStateException(command.get(0) + " not ready after " + GIVE_UP + "; see " + log);
                }
                Thread.sleep(POLL_MILLIS);
            }
            double readyMillis = (System.nanoTime() - start) / 1e6;
            Thread.sleep(idleSeconds * 1000L);
            return new Run(readyMillis, residentKb(process.pid()));
        } finally {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static boolean answers200(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** VmRSS of the process, in kB. */
    static long residentKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    static long sizeOf(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return Files.size(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
