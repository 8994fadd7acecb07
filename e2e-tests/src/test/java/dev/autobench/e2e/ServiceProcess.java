package dev.autobench.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One packaged service running as its own process, exactly as in production (prod profile): its JVM jar, or its
 * native executable when the system property {@value #NATIVE} is {@code true} (built by {@code ./autobench native}).
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * How long a packaged service may take to report ready. A JVM service starts in seconds on an idle
     * machine, but CI runs on two shared cores, where a start has been seen to take over 100 s.
     */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    final String name;
    final int port;
    private final Map<String, String> env;
    private final Path logDir;
    private Process process;
    private int launches;

    ServiceProcess(String name, int port, Map<String, String> env, Path logDir) {
        this.name = name;
        this.port = port;
        this.env = new HashMap<>(env);
        this.env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        this.logDir = logDir;
    }

    /** System property: start every service from its native executable instead of its jar. */
    static final String NATIVE = "autobench.e2e.native";

    /** The command that runs a service: its native executable under {@value #NATIVE}, otherwise its jar. */
    static List<String> command(String service) {
        return Boolean.getBoolean(NATIVE) ? List.of(nativeExecutable(service).toString()) : javaCommand(jar(service));
    }

    /** {@code target/<service>-<version>-runner}, which the native build leaves beside the jar. */
    static Path nativeExecutable(String service) {
        Path target = E2eSupport.root().resolve(service).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().startsWith(service + "-")
                            && p.getFileName().toString().endsWith("-runner") && Files.isExecutable(p))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no native executable of " + service + " in " + target
                            + ": build it with ./autobench native (or ./mvnw package -Dnative -pl " + service + " -am)"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot look for the native executable of " + service + " in " + target, e);
        }
    }

    static Path jar(String service) {
        return E2eSupport.root().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    static List<String> javaCommand(Path jar) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        return command;
    }

    ServiceProcess start() throws IOException {
        Path log = logDir.resolve(name + (launches == 0 ? "" : "-" + launches) + ".log");
        launches++;
        ProcessBuilder builder = new ProcessBuilder(command(name))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        process = builder.start();
        return this;
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log: " + tail());
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(url("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; log: " + tail());
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** SIGKILL: no shutdown hooks, no graceful anything, as when a node dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as Kubernetes stops a pod: waits for the process to exit and returns its exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still running " + timeout + " after SIGTERM; log: " + tail());
        }
        return process.exitValue();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String tail() {
        try {
            List<Path> logs;
            try (var files = Files.list(logDir)) {
                logs = files.filter(p -> p.getFileName().toString().startsWith(name)).sorted().toList();
            }
            if (logs.isEmpty()) {
                return "(no log)";
            }
            List<String> lines = Files.readAllLines(logs.get(logs.size() - 1));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
