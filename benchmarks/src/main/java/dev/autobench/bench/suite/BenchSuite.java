package dev.autobench.bench.suite;

import dev.autobench.bench.StoredVotes;
import dev.autobench.bench.proc.CpuSample;
import dev.autobench.bench.proc.CpuShare;
import dev.autobench.bench.proc.ProcessMemory;
import dev.autobench.bench.report.BenchmarkReport;
import dev.autobench.bench.report.FiguresTable;
import dev.autobench.bench.report.NativeComparison;
import dev.autobench.bench.report.Row;
import dev.autobench.bench.suite.BenchFigures.WrkRun;
import dev.autobench.bench.wrk.Wrk;
import dev.autobench.bench.wrk.Wrk.Load;
import dev.autobench.bench.wrk.WrkResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark suite behind {@code ./autobench bench}: a stack of its own ({@code ./autobench start} in
 * .autobench-bench with its own ports), each service's launch time and memory, the arena under wrk beside its
 * trivial endpoint, a spike of first visits, JFR profiles, dispatch wall time, the modules' own benchmarks, and
 * docs/benchmarks.md written from the figures. See bench/README.md for each step.
 */
@Command(name = "suite", mixinStandardHelpOptions = true,
        description = "Run the benchmark suite and write docs/benchmarks.md (see bench/README.md).")
public final class BenchSuite implements Callable<Integer> {

    @Mixin
    StackOptions where;

    @Option(names = "--no-write", description = "do not rewrite the report")
    boolean noWrite;

    @Option(names = "--report-only", description = "write the report again from the last run's figures.json")
    boolean reportOnly;

    @Option(names = "--output", description = "the report's file (default docs/benchmarks.md)")
    Path output;

    @Option(names = "--duration", defaultValue = "${env:BENCH_DURATION:-15s}", description = "each measured wrk run")
    String duration;

    @Option(names = "--warmup", defaultValue = "${env:BENCH_WARMUP:-5s}", description = "each unrecorded warm-up")
    String warmup;

    @Option(names = "--skip-modules", description = "leave out the modules' own benchmarks (Maven)")
    boolean skipModules;

    @Option(names = "--min-voters", defaultValue = "${env:BENCH_MIN_VOTERS:-60000}",
            description = "first visits to collect before the votes run")
    int minVoters;

    @Option(names = "--spike-rate", defaultValue = "${env:BENCH_SPIKE_RATE:-0}",
            description = "the spike's base rate (0: 100/s, or a twentieth of the first-visit throughput when that is less; at least 10/s)")
    long spikeRate;

    @Option(names = "--spike-seconds", defaultValue = "60",
            description = "steady, spike and after phases each (the ramp is a sixth of it)")
    int spikeSeconds;

    @Option(names = "--profile-seconds", defaultValue = "20", description = "each JFR recording")
    int profileSeconds;

    @Option(names = "--dispatch-models", split = ",", defaultValue = "4,20,100",
            description = "model counts of the dispatch runs; the largest runs again with an unbounded bulkhead")
    List<Integer> dispatchModels;

    @Option(names = "--native", description = "after the JVM stack, the same launches and arena runs on the native"
            + " executables (built by ./autobench native), reported beside the JVM's")
    boolean nativeToo;

    @Option(names = "--mvn-flags", defaultValue = "${env:BENCH_MVN_FLAGS:-}", description = "extra flags of the module runs")
    String mvnFlags;

    private static final int THREADS = 2;
    private static final int CONNECTIONS = 50;
    static final String TRIVIAL = FiguresTable.TRIVIAL;

    private Path root;
    private Path home;
    private Path results;
    private LocalStack stack;
    private Wrk wrk;
    private final BenchFigures figures = new BenchFigures();
    /** Where the stack being measured puts its figures: the run's own, then (--native) its nativeExecutables. */
    private BenchFigures run = figures;
    private long votesSkip;
    /** Put before each step's name in the load readings: "native " while the native stack is measured. */
    private String stepPrefix = "";

    @Override
    public Integer call() throws Exception {
        stack = where.stack(".autobench-bench", 54339, 18180, BenchSettings.stack());
        LocalStack nativeStack = nativeToo ? stack.onNativeExecutables() : null;
        root = where.root();
        home = stack.home();
        results = home.resolve("results");
        Path report = output != null ? output : root.resolve("docs/benchmarks.md");
        if (reportOnly) {
            BenchFigures last = BenchFigures.read(results.resolve("figures.json"));
            Files.writeString(report, BenchmarkReport.render(last, analysis(), byHand()));
            say("wrote " + report + " from the run of " + last.runDate);
            return 0;
        }
        where.requireFreePorts(stack);
        Files.createDirectories(results);
        try (Stream<Path> old = Files.list(results)) {
            for (Path p : old.toList()) {
                Files.deleteIfExists(p);
            }
        }
        wrk = new Wrk(root, stack.url(Service.ARENA), THREADS, CONNECTIONS);
        Thread stopOnInterrupt = new Thread(() -> {
            wrk.stop();
            stack.down();
        });
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        figures.dbPort = stack.dbPort();
        figures.portBase = stack.port(Service.ARENA);
        figures.duration = duration;
        figures.modules = !skipModules;
        load("start");
        try {
            say("starting the bench stack: " + stack.describe() + " ./autobench start --reset");
            stack.start(results.resolve("start.log"));
            measureServices();
            arena();
            spike();
            profileMissedTargets();
            dispatch();
            load("stack done");
        } finally {
            stack.down();
        }
        sizesOnDisk();
        if (nativeStack != null) {
            nativeExecutables(nativeStack);
        }
        if (!skipModules) {
            new ModuleBenchmarks(root, results, mvnFlags).runAll(figures.moduleRuns, this::load);
        }
        load("end");
        figures.runDate = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd 'at' HH:mm 'UTC'"));
        figures.machine = MachineInfo.read();
        figures.write(results.resolve("figures.json"));
        printTable(FiguresTable.rows(figures));
        if (!noWrite) {
            Files.writeString(report, BenchmarkReport.render(figures, analysis(), byHand()));
            say("wrote " + report);
        }
        return 0;
    }

    /**
     * The native executables in a stack of their own (same state folder, ports and settings, started afresh), measured
     * as the JVM's was: each service's launch and RSS, then the arena's runs beside its trivial endpoint. The spike,
     * the profiles (JFR is not built into the executables) and the dispatch are the JVM's only.
     */
    private void nativeExecutables(LocalStack nativeStack) throws Exception {
        run = new BenchFigures();
        figures.nativeExecutables = run;
        stack = nativeStack;
        results = home.resolve("results").resolve("native");
        Files.createDirectories(results);
        stepPrefix = "native ";
        load("start");
        try {
            say("starting the native stack: " + stack.describe() + " ./autobench start --reset --native");
            stack.start(results.resolve("start.log"));
            measureServices();
            arena();
            load("stack done");
        } finally {
            stack.down();
            stepPrefix = "";
        }
        sizesOnDisk();
    }

    /** What each service takes on disk: its target/quarkus-app/ on the JVM, its executable when native. */
    private void sizesOnDisk() throws IOException {
        for (Service s : Service.values()) {
            Path what = stack.nativeExecutables() ? stack.nativeExecutable(s).orElseThrow()
                    : root.resolve(s.module).resolve("target/quarkus-app");
            try (Stream<Path> files = Files.walk(what)) {
                long bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                run.sizeOnDiskMb.put(s.module, Math.round(bytes / 1e6));
            }
        }
    }

    private String analysis() throws IOException {
        return readIfPresent("bench/analysis.md");
    }

    /** The measurements made by hand outside the suite (ranking, windows, native), kept across its rewrites. */
    private String byHand() throws IOException {
        return readIfPresent("bench/by-hand.md");
    }

    private String readIfPresent(String path) throws IOException {
        Path file = root.resolve(path);
        return Files.exists(file) ? Files.readString(file) : "";
    }

    // --- each service: launch to ready, RSS -------------------------------------------------------------------

    private void measureServices() throws Exception {
        Map<Service, Long> rssDay = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            rssDay.put(s, ProcessMemory.rssMb(stack.pid(s)));
        }
        for (Service s : Service.values()) {
            load("launch " + s.module);
            LocalStack.Launch launch = stack.relaunch(s, Map.of());
            Thread.sleep(2000);
            long rss = ProcessMemory.rssMb(stack.pid(s));
            run.services.put(s.module, new BenchFigures.ServiceStart(launch.readyMs(), launch.startedIn(), rss,
                    rssDay.get(s)));
            say(s.module + ": ready " + launch.readyMs() + " ms after launch (Quarkus: started in "
                    + (launch.startedIn().isEmpty() ? "?" : launch.startedIn()) + " s), RSS " + rss + " MB");
        }
    }

    // --- the arena under wrk ----------------------------------------------------------------------------------

    private void arena() throws Exception {
        say("arena over loopback: wrk -t" + THREADS + " -c" + CONNECTIONS + " -d" + duration + " --latency, each beside GET "
                + TRIVIAL);
        String votersOut = results.resolve("voters.out").toString();
        Path voters = results.resolve("voters.tsv");
        Load trivial = Load.of(TRIVIAL, duration);
        Load newVisitors = Load.scripted("/api/arena/match", "new-voters.lua", duration, Map.of("VOTERS_OUT", votersOut));
        Load returning = Load.scripted("/api/arena/match", "returning-voters.lua", duration,
                Map.of("VOTERS", voters.toString()));

        warmUp(trivial);
        measure("live-1", trivial);
        warmUp(newVisitors);
        // first visits: every request creates a voter; their cookies and tokens become the pool the votes spend
        measure("match-new", newVisitors);
        if (!stack.nativeExecutables()) {
            // a new visitor's first match costs far more than a returning one's: profile it while it fills the pool
            profile("match-new", newVisitors);
        }
        for (int round = 1; VoterPool.size(results) < minVoters && round <= 12; round++) {
            wrk.runUnmeasured(newVisitors.lasting("10s"), results.resolve("fill-" + round + ".txt"));
        }
        long pool = VoterPool.merge(results, voters);
        if (pool == 0) {
            throw new StackFailure("no voter could be created: GET /api/arena/match served no match (see "
                    + results.resolve("wrk-match-new.txt") + ")");
        }
        say("voter pool: " + pool + " distinct voters, each with a signed vote token");

        measure("live-2", trivial);
        warmUp(returning);
        measure("match-returning", returning);

        Matcher artifact = Pattern.compile("/api/artifacts/[0-9a-f-]+").matcher(stack.get(Service.ARENA, "/api/arena/match"));
        if (!artifact.find()) {
            throw new StackFailure("no artifact to fetch: did the day render anything? (see "
                    + home.resolve("logs/renderer-service.log") + ")");
        }
        run.artifactPath = artifact.group();
        Load artifactLoad = Load.of(run.artifactPath, duration);
        measure("live-3", trivial);
        warmUp(artifactLoad);
        measure("artifact", artifactLoad);

        votes(trivial, voters);

        // the leaderboard is served from memory and recomputed off the request path
        stack.cron(Service.ARENA, "/api/leaderboard/recompute");
        Load leaderboard = Load.of("/api/leaderboard", duration);
        warmUp(leaderboard);
        measure("live-5", trivial);
        measure("static", Load.of("/favicon.svg", duration));
        measure("leaderboard", leaderboard);
        measure("live-6", trivial);
        run.rssLoadedMb = ProcessMemory.rssMb(stack.pid(Service.ARENA));
        say("arena RSS after the load: " + run.rssLoadedMb + " MB");
    }

    /** Votes by distinct voters, every 201 checked against the rows added to votes. */
    private void votes(Load trivial, Path voters) throws Exception {
        Load warm = Load.scripted("/api/arena/votes", "votes.lua", warmup, Map.of("VOTERS", voters.toString()));
        WrkResult warmed = wrk.run(warm, results.resolve("warmup-votes.txt"));
        // the warm-up spends the first voters of the pool; each wrk thread spends every other line at its own
        // pace, so twice the sent count is surely past them all
        votesSkip = 2 * Math.max(0, warmed.sent());
        long before = storedVotes();
        measure("live-4", trivial);
        WrkResult votes = measure("votes", Load.scripted("/api/arena/votes", "votes.lua", duration,
                Map.of("VOTERS", voters.toString(), "VOTERS_SKIP", Long.toString(votesSkip))));
        long stored = storedVotes() - before;
        run.votes = new BenchFigures.Votes(votes.sent(), votes.answered(), votes.status(201), stored);
        say("votes: " + votes.sent() + " sent, " + votes.answered() + " answered (" + votes.status(201) + " × 201), "
                + stored + " new rows in votes" + (votes.exhausted() > 0
                ? "; voter pool ran out in " + votes.exhausted() + " thread(s)" : ""));
    }

    private long storedVotes() throws Exception {
        return StoredVotes.count(DriverManager.getConnection(stack.jdbcUrl(), "autobench", "autobench"));
    }

    /** A few seconds of the same load first, not recorded: the JIT compiles the endpoint's path before it is measured. */
    private void warmUp(Load load) throws Exception {
        String name = "warmup-" + load.path().replaceAll("[^a-z0-9]", "_")
                + (load.script() == null ? "" : "-" + load.script().replace(".lua", "")) + ".txt";
        wrk.runUnmeasured(load.lasting(warmup), results.resolve(name));
    }

    /** One recorded wrk run with the CPU accounting around it. */
    private WrkResult measure(String name, Load load) throws Exception {
        load("wrk " + name);
        CpuSample before = cpu();
        WrkResult result = wrk.run(load, results.resolve("wrk-" + name + ".txt"));
        CpuSample after = cpu();
        String cpu = CpuShare.between(before, after, Runtime.getRuntime().availableProcessors(),
                Math.round(result.requestsPerSecond())).text();
        run.wrk.put(name, new WrkRun(wrk.describe(load), result, cpu));
        System.out.printf(Locale.ROOT, "    %-22s %8d req/s  p50 %8.2f ms  p99 %8.2f ms  %s; %s%n", name,
                Math.round(result.requestsPerSecond()), result.p50Ms(), result.p99Ms(), result.statusSummary(), cpu);
        return result;
    }

    private CpuSample cpu() {
        return CpuSample.read(stack.pid(Service.ARENA), stack.postgresPids());
    }

    // --- spike, profiles ------------------------------------------------------------------------------------

    /**
     * First visits at a fixed rate R, ramped to 10 × R, held, back to R (open loop), beside the trivial endpoint just
     * before. R defaults to 100/s, a popular page's link (6,000 first visits a minute, spiking to 60,000), lowered to
     * a twentieth of the first-visit throughput wrk measured (at least 10/s) on a machine too slow for that, so the
     * spike never asks for more than half of what the arena served in closed loop. R is not raised with a fast
     * machine: the load generator shares the two cores and its JDK HTTP client spends more CPU per request than the
     * arena does, so a spike sized to the arena's throughput measures the client.
     */
    private void spike() throws Exception {
        figures.spikeRate = spikeRate > 0 ? spikeRate : defaultSpikeRate(figures.rps("match-new"));
        measure("live-7", Load.of(TRIVIAL, duration));
        load("spike");
        String ramp = Integer.toString(Math.max(1, spikeSeconds / 6));
        String phase = Integer.toString(spikeSeconds);
        String url = stack.url(Service.ARENA) + "/api/arena/match";
        figures.spikeCommand = "java -jar benchmarks/target/autobench-benchmarks.jar spike --url " + url + " --rate "
                + figures.spikeRate + " --factor 10 --steady " + phase + " --ramp " + ramp + " --hold " + phase
                + " --after " + phase + " --pid <arena pid>";
        say("spike of first visits: " + figures.spikeRate + "/s for " + phase + " s, ramped to " + figures.spikeRate * 10
                + "/s over " + ramp + " s, held " + phase + " s, back to " + figures.spikeRate + "/s for " + phase + " s");
        figures.spikeLines = Harness.run("spike", "--url", url, "--rate", Long.toString(figures.spikeRate), "--factor",
                "10", "--steady", phase, "--ramp", ramp, "--hold", phase, "--after", phase, "--pid",
                Long.toString(stack.pid(Service.ARENA)));
        load("spike done");
    }

    /** The spike's base rate R when none is given: see {@link #spike()}. */
    static long defaultSpikeRate(double firstVisitsPerSecond) {
        return Math.max(10, Math.min(100, (long) (firstVisitsPerSecond / 20)));
    }

    private void profileMissedTargets() throws Exception {
        if (figures.rps("leaderboard") < 0.8 * figures.leaderboardBaseline()) {
            profile("leaderboard", Load.of("/api/leaderboard", duration));
        }
        if (figures.rps("votes") < 1000) {
            long skip = votesSkip + 2 * Math.max(0, figures.result("votes").sent()) + 1000;
            long pool = VoterPool.size(results);
            if (skip >= pool) {
                // votes.lua has nobody left to vote as: a run with a pool this small profiles no votes
                warn("the voter pool (" + pool + ") is spent: the votes are not profiled (a larger --min-voters)");
                return;
            }
            profile("votes", Load.scripted("/api/arena/votes", "votes.lua", duration, Map.of(
                    "VOTERS", results.resolve("voters.tsv").toString(), "VOTERS_SKIP", Long.toString(skip))));
        }
    }

    /** A JFR recording of the arena while wrk repeats one run, summarised by jfr-hotspots. */
    private void profile(String name, Load load) throws Exception {
        long pid = stack.pid(Service.ARENA);
        Path file = results.resolve("profile-" + name + ".jfr");
        say("profiling " + name + " (JFR, " + profileSeconds + " s): jcmd " + pid + " JFR.start duration="
                + profileSeconds + "s settings=profile filename=" + file);
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "JFR.start", "name=bench-" + name,
                "duration=" + profileSeconds + "s", "settings=profile", "filename=" + file)
                .redirectErrorStream(true).redirectOutput(results.resolve("jcmd-" + name + ".txt").toFile()).start();
        if (jcmd.waitFor() != 0) {
            throw new StackFailure("jcmd JFR.start failed (see " + results.resolve("jcmd-" + name + ".txt") + ")");
        }
        measure("profiled-" + name, load.lasting(profileSeconds + "s"));
        for (int i = 0; i < 40 && (!Files.exists(file) || Files.size(file) == 0); i++) {
            Thread.sleep(500);
        }
        Thread.sleep(1000);
        figures.profiles.put(name, String.join("\n", Harness.run("jfr-hotspots", "--file", file.toString(), "--top", "12")));
    }

    // --- dispatch ---------------------------------------------------------------------------------------------

    private void dispatch() throws Exception {
        // the renderer would otherwise render every benchmark submission in Chromium while we measure: stop it
        stack.stop(Service.RENDERER);
        String models = String.join(",", dispatchModels.stream().map(String::valueOf).toList());
        say("dispatch wall time: 3 tasks x " + models + " demo models, 1 s per call (AUTOBENCH_DEMO_LATENCY=1s)");
        load("dispatch");
        Map<String, String> secrets = stack.secrets();
        figures.dispatchCommand = "java -jar benchmarks/target/autobench-benchmarks.jar dispatch --models " + models
                + " --dispatcher " + stack.url(Service.DISPATCHER) + " --generator " + stack.url(Service.GENERATOR)
                + " --jdbc " + stack.jdbcUrl() + " --cron-secret $AUTOBENCH_CRON_SECRET --admin-token $AUTOBENCH_ADMIN_TOKEN";
        List<String> base = List.of("dispatch", "--dispatcher", stack.url(Service.DISPATCHER), "--generator",
                stack.url(Service.GENERATOR), "--jdbc", stack.jdbcUrl(), "--cron-secret",
                secrets.get("AUTOBENCH_CRON_SECRET"), "--admin-token", secrets.get("AUTOBENCH_ADMIN_TOKEN"));
        figures.dispatchLines = new java.util.ArrayList<>(harness(base, "--models", models, "--first-date", "2001-01-01"));
        figures.rssDispatcherLoadedMb = ProcessMemory.rssMb(stack.pid(Service.DISPATCHER));
        // the largest count once more with a bulkhead that does not bound it: what the design costs, not the config
        int largest = Collections.max(dispatchModels);
        say("dispatch again, " + largest + " models, dispatcher relaunched with AUTOBENCH_DISPATCH_BULKHEAD_PER_PROVIDER=300");
        stack.relaunch(Service.DISPATCHER, Map.of("AUTOBENCH_DISPATCH_BULKHEAD_PER_PROVIDER", "300"));
        try {
            // an extra figure: when it fails, the run keeps what it measured and says so
            harness(base, "--models", Integer.toString(largest), "--first-date", "2001-02-01").forEach(line ->
                    figures.dispatchLines.add(line.replaceFirst("^dispatch ", "dispatch-unbounded ")));
        } catch (StackFailure e) {
            warn("the dispatch with bulkhead 300 failed: " + e.getMessage() + " (see "
                    + home.resolve("logs/dispatcher-service.log") + ")");
        }
    }

    private static List<String> harness(List<String> base, String... more) {
        List<String> args = new java.util.ArrayList<>(base);
        args.addAll(List.of(more));
        return Harness.run(args.toArray(String[]::new));
    }

    // --- output -----------------------------------------------------------------------------------------------

    private void printTable(List<Row> rows) throws IOException {
        StringBuilder text = new StringBuilder("\n");
        text.append(String.format("%-68s | %s%n", "what", "figure")).append("-".repeat(150)).append('\n');
        for (Row r : rows) {
            text.append(String.format("%-68s | %s%s%n", r.what(), r.figure(),
                    r.target().isEmpty() ? "" : "   [target: " + r.target() + "]"));
            text.append(String.format("%-68s   $ %s%n", "", r.command()));
        }
        if (figures.nativeExecutables != null) {
            text.append("\nnative executables beside the JVM:\n").append(NativeComparison.text(figures));
        }
        text.append("\nload average (1, 5, 15 min) during the run:\n");
        figures.loads.forEach(l -> text.append("    ").append(l).append('\n'));
        System.out.print(text);
        Files.writeString(results.resolve("table.txt"), text);
    }

    private void load(String step) {
        figures.loads.add(stepPrefix + step + " " + MachineInfo.loadAverage());
    }

    static void say(String text) {
        System.out.println("\033[1m==>\033[0m " + text);
    }

    static void warn(String text) {
        System.err.println("\033[33m!!\033[0m " + text);
    }
}
