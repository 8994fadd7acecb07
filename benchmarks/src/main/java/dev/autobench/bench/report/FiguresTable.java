package dev.autobench.bench.report;

import dev.autobench.bench.suite.BenchFigures;
import dev.autobench.bench.suite.BenchFigures.ModuleRun;
import dev.autobench.bench.suite.BenchFigures.ServiceStart;
import dev.autobench.bench.suite.Service;
import dev.autobench.bench.wrk.WrkResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every figure of a run, each beside its target (if any) and the command that made it. */
public final class FiguresTable {

    public static final String TRIVIAL = "/q/health/live";
    static final String HARNESS = "java -jar benchmarks/target/autobench-benchmarks.jar";

    /** The measured endpoints, the trivial run just before each, and their targets, in the order they ran. */
    private record Pair(String name, String baseline, String target) {
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("match-new", "live-1", "≥ 0.25 × trivial, p99 < 50 ms"),
            new Pair("match-returning", "live-2", "≥ 0.25 × trivial, p99 < 50 ms"),
            new Pair("artifact", "live-3", "≥ 0.5 × trivial, p99 < 50 ms"),
            new Pair("votes", "live-4", "≥ 1,000/s, every 201 stored"),
            new Pair("leaderboard", "live-5", "≥ 0.8 × trivial, p99 < 50 ms"));

    private final BenchFigures f;
    private final List<Row> rows = new ArrayList<>();

    private FiguresTable(BenchFigures figures) {
        this.f = figures;
    }

    public static List<Row> rows(BenchFigures figures) {
        FiguresTable table = new FiguresTable(figures);
        table.build();
        return List.copyOf(table.rows);
    }

    private void row(String what, String figure, String target, String command) {
        rows.add(new Row(what, figure, target, command));
    }

    private void build() {
        for (Service s : Service.values()) {
            ServiceStart start = f.services.get(s.module);
            if (start == null) {
                continue;
            }
            row(s.module + ": launch → /q/health/ready 200", start.readyMs() + " ms (Quarkus \"started in\" "
                            + (start.startedIn().isEmpty() ? "?" : start.startedIn()) + " s)", "",
                    HARNESS + " suite, relaunch: java " + s.heapOptions() + " -jar " + s.module
                            + "/target/quarkus-app/quarkus-run.jar, GET /q/health/ready every 20 ms");
            row(s.module + ": RSS after start (idle, 2 s after ready)", start.rssStartMb() + " MB of its "
                            + s.containerLimitMb + " MiB container limit (heap at most " + s.heapMaxMb() + " MiB)", "",
                    "VmRSS in /proc/<pid>/status; java " + s.heapOptions());
            row(s.module + ": RSS after `autobench start` + one day", start.rssDayMb() + " MB", "",
                    "VmRSS in /proc/<pid>/status");
        }
        row("arena: RSS after the wrk load below", f.rssLoadedMb + " MB of its " + Service.ARENA.containerLimitMb
                        + " MiB container limit (heap at most " + Service.ARENA.heapMaxMb() + " MiB)", "within the limit",
                "VmRSS in /proc/<pid>/status; java " + Service.ARENA.heapOptions());
        row("dispatcher: RSS after the dispatches below (" + dispatchSizes() + " models)", f.rssDispatcherLoadedMb
                        + " MB of its " + Service.DISPATCHER.containerLimitMb + " MiB container limit", "within the limit",
                "VmRSS in /proc/<pid>/status; java " + Service.DISPATCHER.heapOptions());
        for (Pair pair : PAIRS) {
            row("arena GET " + TRIVIAL + " (just before " + pair.name() + ")", figures(pair.baseline()), "",
                    command(pair.baseline()));
            if (pair.name().equals("leaderboard")) {
                row("arena GET /favicon.svg (a static file)", figures("static") + " — "
                                + Numbers.ratio(f.rps("static"), f.rps("live-5")) + " × " + TRIVIAL + " just before",
                        "≥ 0.5 × trivial", command("static"));
                row("arena " + endpointOf(pair.name()), figures(pair.name()) + " — **"
                                + Numbers.ratio(f.rps(pair.name()), f.leaderboardBaseline()) + " ×** the mean of "
                                + TRIVIAL + " just before and just after (" + f.leaderboardBaseline() + " req/s)",
                        pair.target(), command(pair.name()));
                row("arena GET " + TRIVIAL + " (just after leaderboard)", figures("live-6"), "", command("live-6"));
            } else {
                row("arena " + endpointOf(pair.name()), figures(pair.name()) + " — "
                                + Numbers.ratio(f.rps(pair.name()), f.rps(pair.baseline())) + " × " + TRIVIAL,
                        pair.target(), command(pair.name()));
            }
        }
        row("arena GET " + TRIVIAL + " (just before the spike)", figures("live-7"), "", command("live-7"));
        for (String line : f.spikeLines) {
            Map<String, String> v = Numbers.fields(line);
            row("spike: first visits, phase " + v.get("phase") + " (" + v.get("rate") + "/s, " + v.get("seconds") + " s)",
                    v.get("requests") + " requests, p50 " + v.get("p50_ms") + " ms, p99 " + v.get("p99_ms")
                            + " ms, errors " + v.get("errors") + " (" + v.get("statuses") + "), arena RSS at most "
                            + v.get("rss_max_mb") + " MB of " + Service.ARENA.containerLimitMb + " MiB",
                    "0 errors", f.spikeCommand);
        }
        row("votes stored", votesCheck(f), "every 201 stored",
                HARNESS + " stored-votes --jdbc jdbc:postgresql://127.0.0.1:" + f.dbPort
                        + "/autobench (before and after the votes run)");
        for (String line : f.dispatchLines) {
            Map<String, String> v = Numbers.fields(line);
            boolean unbounded = Numbers.kind(line).equals("dispatch-unbounded");
            row("dispatch 3 tasks × " + v.get("models") + " models, 1 s calls" + (unbounded ? ", bulkhead 300" : ""),
                    "wall " + v.get("wall_ms") + " ms vs sequential sum " + v.get("sum_ms") + " ms (×"
                            + v.get("speedup") + "; slowest call " + v.get("slowest_ms") + " ms; " + v.get("succeeded")
                            + "/" + v.get("submissions") + " succeeded)",
                    "≈ the slowest call, not the sum", f.dispatchCommand + (unbounded
                            ? " (dispatcher with AUTOBENCH_DISPATCH_BULKHEAD_PER_PROVIDER=300, --models "
                            + v.get("models") + ")" : ""));
        }
        if (f.modules) {
            moduleRows();
        }
    }

    private void moduleRows() {
        ModuleRun ranking = module("ranking");
        List<ModuleFigures.Ranking> lines = ModuleFigures.ranking(ranking.output());
        if (lines.isEmpty()) {
            row("leaderboard computation", "not measured: " + ModuleFigures.firstLine(ranking.output()),
                    "1M × 50 × 1000 ≤ 2 s", ranking.command());
        }
        for (ModuleFigures.Ranking r : lines) {
            row("leaderboard computation, " + r.votes() + " votes × " + r.models() + " models × 1000 rounds",
                    "best wall " + r.bestMs() + " ms (first run " + r.firstMs() + " ms"
                            + (r.cpuMs() == null ? "" : "; CPU " + r.cpuMs() + " ms") + ")",
                    r.votes() == 1_000_000 && r.models() == 50 ? "≤ 2 s" : "", ranking.command());
        }
        ModuleRun renderer = module("renderer");
        List<ModuleFigures.Render> renders = ModuleFigures.renderer(renderer.output());
        if (renders.isEmpty()) {
            row("renderer throughput", "not measured: " + ModuleFigures.firstLine(renderer.output()), "",
                    renderer.command());
        }
        for (ModuleFigures.Render r : renders) {
            row("renderer, " + r.what(), r.figure(), "", renderer.command());
        }
        ModuleRun dispatch = module("dispatch-wiremock");
        ModuleFigures.wireMockDispatch(dispatch.output()).ifPresentOrElse(d -> row(
                        "dispatch 3 tasks × 20 models over 4 providers (WireMock, 1 s), in-process",
                        "wall " + d.wallMs() + " ms vs sequential sum " + d.sumMs() + " ms", "≈ the slowest call",
                        dispatch.command()),
                () -> row("dispatch (module benchmark)", "not measured: " + ModuleFigures.firstLine(dispatch.output()),
                        "", dispatch.command()));
    }

    private ModuleRun module(String name) {
        return f.moduleRuns.getOrDefault(name, new ModuleRun("(not run)", ""));
    }

    private String dispatchSizes() {
        return String.join(", ", f.dispatchLines.stream().filter(l -> Numbers.kind(l).equals("dispatch"))
                .map(l -> Numbers.fields(l).get("models")).toList());
    }

    private String command(String run) {
        BenchFigures.WrkRun r = f.wrk.get(run);
        return r == null ? "(not run)" : r.command();
    }

    /** "1234 req/s, p50 1.20 ms, p99 9.80 ms, 1.2 KB per response; 200=… ; CPU: …" */
    String figures(String run) {
        BenchFigures.WrkRun r = f.wrk.get(run);
        if (r == null) {
            return "not run";
        }
        WrkResult w = r.result();
        String size = w.requestsPerSecond() > 0 ? String.format(Locale.ROOT, "%.1f KB", w.kilobytesPerResponse()) : "?";
        return f.rps(run) + " req/s, p50 " + Numbers.twoDecimals(w.p50Ms()) + " ms, p99 "
                + Numbers.twoDecimals(w.p99Ms()) + " ms, " + size + " per response; " + w.statusSummary() + "; "
                + r.cpu();
    }

    static String endpoint(String run) {
        return switch (run) {
            case "match-new" -> "GET /api/arena/match, new visitor (no cookie: creates a voter)";
            case "match-returning" -> "GET /api/arena/match, returning visitors (voter cookies)";
            case "votes" -> "POST /api/arena/votes, distinct voters";
            case "leaderboard" -> "GET /api/leaderboard";
            default -> run;
        };
    }

    private String endpointOf(String run) {
        return run.equals("artifact") ? "GET " + f.artifactPath : endpoint(run);
    }

    /**
     * Every 201 stored: the rows added to votes must cover every 201, and exceed them only by requests wrk had sent
     * but not seen answered when it stopped (their votes are stored; their answers were cut off).
     */
    static boolean votesConsistent(BenchFigures.Votes v) {
        long other = v.answered() - v.created();
        long unanswered = v.sent() - v.answered();
        return v.stored() >= v.created() && v.stored() - v.created() <= unanswered && other == 0;
    }

    static String votesCheck(BenchFigures f) {
        BenchFigures.Votes v = f.votes;
        return v.stored() + " new rows; " + v.sent() + " sent, " + v.created() + " answered 201, "
                + (v.answered() - v.created()) + " other answers, " + (v.sent() - v.answered())
                + " unanswered at wrk's stop — " + (votesConsistent(v) ? "consistent: every 201 stored" : "INCONSISTENT");
    }
}
