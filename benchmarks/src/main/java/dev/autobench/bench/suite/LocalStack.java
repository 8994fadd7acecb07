package dev.autobench.bench.suite;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A stack of its own for a bench or a soak, started and stopped by {@code ./autobench} with its own state folder
 * ({@code AUTOBENCH_HOME}), database port and service port base, so that it runs beside the developer's stack.
 * The start-up itself (secrets, PostgreSQL, migration, logins, services, one day) is {@code ./autobench}'s; this
 * class only reads what it left in the state folder (pid files, secrets) and, for the launch-time figures,
 * relaunches one service the way it does.
 */
public final class LocalStack {

    private final Path root;
    private final Path home;
    private final int dbPort;
    private final int portBase;
    private final Map<String, String> settings;
    private final boolean nativeExecutables;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private boolean started;

    /**
     * @param settings what this stack's services run with on top of ./autobench's defaults (demo models, limits)
     */
    public LocalStack(Path root, Path home, int dbPort, int portBase, Map<String, String> settings) {
        this(root, home, dbPort, portBase, settings, false);
    }

    private LocalStack(Path root, Path home, int dbPort, int portBase, Map<String, String> settings,
                       boolean nativeExecutables) {
        this.root = root;
        this.home = home;
        this.dbPort = dbPort;
        this.portBase = portBase;
        this.settings = Map.copyOf(settings);
        this.nativeExecutables = nativeExecutables;
    }

    /**
     * The same stack (state folder, ports, settings) on the services' native executables, as
     * {@code ./autobench start --native} runs them; they must have been built ({@code ./autobench native}).
     */
    public LocalStack onNativeExecutables() {
        for (Service s : Service.values()) {
            if (nativeExecutable(s).isEmpty()) {
                throw new StackFailure("no native executable of " + s.module + " in " + root.resolve(s.module)
                        .resolve("target") + ": build them with ./autobench native");
            }
        }
        return new LocalStack(root, home, dbPort, portBase, settings, true);
    }

    public boolean nativeExecutables() {
        return nativeExecutables;
    }

    /** target/&lt;service&gt;-&lt;version&gt;-runner, where the native build leaves it. */
    public Optional<Path> nativeExecutable(Service service) {
        Path target = root.resolve(service.module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (var files = Files.list(target)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(service.module + "-") && name.endsWith("-runner") && Files.isExecutable(f);
            }).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** What a relaunched service runs with: the executable (or the JVM) and its heap sized as in its container. */
    public List<String> launchCommand(Service service) {
        List<String> command = new ArrayList<>();
        if (nativeExecutables) {
            command.add(nativeExecutable(service).orElseThrow().toString());
            command.add(service.nativeHeapOptions());
        } else {
            command.add("java");
            command.addAll(List.of(service.heapOptions().split(" ")));
            command.addAll(List.of("-jar", root.resolve(service.module + "/target/quarkus-app/quarkus-run.jar").toString()));
        }
        return command;
    }

    public int port(Service service) {
        return portBase + service.portOffset;
    }

    public String url(Service service) {
        return "http://localhost:" + port(service);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + dbPort + "/autobench";
    }

    public Path home() {
        return home;
    }

    public int dbPort() {
        return dbPort;
    }

    /** The variables that make ./autobench run this stack, as a reader would type them. */
    public String describe() {
        return "AUTOBENCH_HOME=" + (home.startsWith(root) ? root.relativize(home) : home) + " AUTOBENCH_DB_PORT="
                + dbPort + " AUTOBENCH_PORT_BASE=" + portBase;
    }

    /** Ports a stack here would need that something already listens on. */
    public List<Integer> busyPorts() {
        List<Integer> busy = new ArrayList<>();
        List<Integer> ports = new ArrayList<>(List.of(dbPort));
        for (Service s : Service.values()) {
            ports.add(port(s));
        }
        for (int port : ports) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                busy.add(port);
            } catch (IOException free) {
                // nothing listens: free
            }
        }
        return busy;
    }

    /**
     * {@code ./autobench start --reset} in this stack's state folder ({@code --native} on the native executables); its
     * output goes to {@code log}.
     */
    public void start(Path log) throws IOException, InterruptedException {
        started = true;
        int exit = nativeExecutables ? autobench(log, "start", "--reset", "--native") : autobench(log, "start", "--reset");
        if (exit != 0) {
            throw new StackFailure("the stack did not start (./autobench start exited " + exit + "; log: " + log + ")");
        }
    }

    /** {@code ./autobench down}; a stack this object did not start is left alone. */
    public void down() {
        if (!started) {
            return;
        }
        try {
            autobench(home.resolve("down.log"), "down");
        } catch (IOException e) {
            System.err.println("!! ./autobench down failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        started = false;
    }

    private int autobench(Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("autobench").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(new File("/dev/null"));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(LocalStack::realProviderOrDatabase);
        env.putAll(settings);
        env.put("AUTOBENCH_HOME", home.toString());
        env.put("AUTOBENCH_DB_PORT", Integer.toString(dbPort));
        env.put("AUTOBENCH_PORT_BASE", Integer.toString(portBase));
        return pb.start().waitFor();
    }

    /** A bench or soak stack never spends money on a provider and never points at another database. */
    private static boolean realProviderOrDatabase(String name) {
        return name.endsWith("_API_KEY") || name.equals("AUTOBENCH_PROVIDERS_OPENAI_COMPATIBLE_BASE_URL")
                || name.equals("QUARKUS_DATASOURCE_JDBC_URL");
    }

    public Map<String, String> secrets() {
        return EnvFile.read(home.resolve("secrets.env"));
    }

    public long pid(Service service) {
        return readPid(home.resolve("run").resolve(service.module + ".pid"));
    }

    /** PostgreSQL's postmaster (from its own pid file) and its backends. */
    public List<Long> postgresPids() {
        long postmaster = readPid(home.resolve("pgdata").resolve("postmaster.pid"));
        List<Long> pids = new ArrayList<>();
        if (postmaster > 0) {
            pids.add(postmaster);
            ProcessHandle.of(postmaster).ifPresent(p -> p.children().forEach(c -> pids.add(c.pid())));
        }
        return pids;
    }

    private static long readPid(Path file) {
        try {
            return Long.parseLong(Files.readAllLines(file).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A service relaunched: milliseconds from launch to ready, and Quarkus' own "started in" (seconds). */
    public record Launch(long readyMs, String startedIn) {
    }

    /**
     * Stops one service and launches it again as ./autobench does (its role's login, this stack's settings), sized
     * as in its container, timing the launch until {@code /q/health/ready} answers 200.
     */
    public Launch relaunch(Service service, Map<String, String> extraEnv) throws IOException, InterruptedException {
        stop(service);
        Map<String, String> secrets = secrets();
        Map<String, String> roles = EnvFile.read(home.resolve("db-roles.env"));
        Path log = home.resolve("logs").resolve(service.module + ".log");
        ProcessBuilder pb = new ProcessBuilder(launchCommand(service)).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(new File("/dev/null"));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(LocalStack::realProviderOrDatabase);
        env.putAll(settings);
        env.putAll(secrets);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", service.role());
        env.put("QUARKUS_DATASOURCE_PASSWORD", Optional.ofNullable(roles.get(service.role()))
                .orElseThrow(() -> new StackFailure("no password for " + service.role() + " in db-roles.env")));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port(service)));
        env.put("AUTOBENCH_RENDERER_URL", url(Service.RENDERER));
        env.put("AUTOBENCH_ARENA_COOKIE_SECURE", "false");
        env.put("AUTOBENCH_GENERATOR_SCHEDULE_ENABLED", "false");
        chromium().ifPresent(c -> env.putIfAbsent("AUTOBENCH_CHROMIUM_PATH", c));
        env.putAll(extraEnv);
        long t0 = System.nanoTime();
        Process process = pb.start();
        Files.writeString(home.resolve("run").resolve(service.module + ".pid"), process.pid() + "\n");
        URI ready = URI.create(url(service) + "/q/health/ready");
        long deadline = t0 + TimeUnit.SECONDS.toNanos(180);
        while (!answers200(ready)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new StackFailure(service.module + " did not become ready again (log: " + log + ")");
            }
            Thread.sleep(20);
        }
        long readyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        return new Launch(readyMs, startedIn(Files.readString(log)));
    }

    static String startedIn(String log) {
        var m = java.util.regex.Pattern.compile("started in ([0-9.]+)s").matcher(log);
        return m.find() ? m.group(1) : "";
    }

    /** Stops one service (TERM, then KILL after 20 s) and waits until its port is free. */
    public void stop(Service service) throws InterruptedException {
        Optional<ProcessHandle> process = ProcessHandle.of(pid(service));
        if (process.isPresent()) {
            process.get().destroy();
            try {
                process.get().onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                process.get().destroyForcibly();
            }
        }
        for (int i = 0; i < 40 && portBusy(port(service)); i++) {
            Thread.sleep(250);
        }
    }

    private static boolean portBusy(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException free) {
            return false;
        }
    }

    private boolean answers200(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<String> chromium() {
        String configured = System.getenv("AUTOBENCH_CHROMIUM_PATH");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name).toString());
                }
            }
        }
        return Optional.empty();
    }

    /** POST with the cron secret, as the CronJobs call the services; the answer's body. */
    public String cron(Service service, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(service) + path))
                .timeout(Duration.ofMinutes(5)).header("x-cron-secret", secrets().get("AUTOBENCH_CRON_SECRET"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new StackFailure("POST " + path + " on " + service.module + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** GET on the arena, for the few reads a run needs besides wrk. */
    public String get(Service service, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(service) + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body();
    }

}
