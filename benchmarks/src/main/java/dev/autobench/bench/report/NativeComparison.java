package dev.autobench.bench.report;

import dev.autobench.bench.suite.BenchFigures;
import dev.autobench.bench.suite.BenchFigures.ServiceStart;
import dev.autobench.bench.suite.Service;
import dev.autobench.bench.wrk.WrkResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The native executables beside the JVM from one run (suite --native): each service's launch, memory and size, and
 * the arena's runs, each as a ratio to the trivial endpoint measured just before it on the same stack, so the two
 * builds are compared by what each makes of the same machine rather than by absolute rates.
 */
public final class NativeComparison {

    /** The native executables' targets. */
    static final long READY_TARGET_MS = 200;
    static final long RSS_TARGET_MB = 80;

    /** One line of the comparison: what, the JVM's figure, the native executable's, and the native target. */
    public record Line(String what, String jvm, String nativeFigure, String target) {
    }

    private record Endpoint(String name, String baseline) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("match-new", "live-1"),
            new Endpoint("match-returning", "live-2"),
            new Endpoint("artifact", "live-3"),
            new Endpoint("static", "live-5"),
            new Endpoint("leaderboard", "live-5"));

    private NativeComparison() {
    }

    public static List<Line> lines(BenchFigures jvm) {
        BenchFigures nat = jvm.nativeExecutables;
        List<Line> lines = new ArrayList<>();
        if (nat == null) {
            return lines;
        }
        for (Service s : Service.values()) {
            ServiceStart j = jvm.services.get(s.module);
            ServiceStart n = nat.services.get(s.module);
            if (j == null || n == null) {
                continue;
            }
            lines.add(new Line(s.module + ": launch → ready", j.readyMs() + " ms",
                    n.readyMs() + " ms (" + Numbers.ratio(j.readyMs(), n.readyMs()) + " × sooner)",
                    "< " + READY_TARGET_MS + " ms: " + met(n.readyMs() < READY_TARGET_MS)));
            lines.add(new Line(s.module + ": RSS idle, 2 s after ready", j.rssStartMb() + " MB of " + s.containerLimitMb
                    + " MiB (`" + s.heapOptions() + "`)", n.rssStartMb() + " MB of " + s.nativeContainerLimitMb
                    + " MiB (`" + s.nativeHeapOptions() + "`)", "< " + RSS_TARGET_MB + " MB: "
                    + met(n.rssStartMb() < RSS_TARGET_MB)));
            lines.add(new Line(s.module + ": RSS after `autobench start` and one day", j.rssDayMb() + " MB",
                    n.rssDayMb() + " MB", ""));
            Long jSize = jvm.sizeOnDiskMb.get(s.module);
            Long nSize = nat.sizeOnDiskMb.get(s.module);
            lines.add(new Line(s.module + ": size on disk", (jSize == null ? "?" : jSize) + " MB (target/quarkus-app/,"
                    + " beside a JDK)", (nSize == null ? "?" : nSize) + " MB (the executable, all of it)", ""));
        }
        for (Endpoint e : ENDPOINTS) {
            lines.add(new Line("arena " + (e.name().equals("static") ? "GET /favicon.svg"
                    : e.name().equals("artifact") ? "GET /api/artifacts/{id}" : FiguresTable.endpoint(e.name())),
                    endpoint(jvm, e), endpoint(nat, e), ""));
        }
        lines.add(new Line("arena " + FiguresTable.endpoint("votes"), votes(jvm), votes(nat), ""));
        lines.add(new Line("arena: RSS after these runs", jvm.rssLoadedMb + " MB of " + Service.ARENA.containerLimitMb
                + " MiB", nat.rssLoadedMb + " MB of " + Service.ARENA.nativeContainerLimitMb + " MiB", "within the limit: "
                + met(nat.rssLoadedMb > 0 && nat.rssLoadedMb < Service.ARENA.nativeContainerLimitMb)));
        return lines;
    }

    /** "1234 req/s, 0.61 × trivial, p99 4.20 ms" (the leaderboard against the mean of the runs around it). */
    static String endpoint(BenchFigures f, Endpoint e) {
        if (!f.wrk.containsKey(e.name())) {
            return "not run";
        }
        WrkResult r = f.result(e.name());
        long baseline = e.name().equals("leaderboard") ? f.leaderboardBaseline() : f.rps(e.baseline());
        return f.rps(e.name()) + " req/s, **" + Numbers.ratio(f.rps(e.name()), baseline) + " ×** trivial (" + baseline
                + " req/s), p99 " + Numbers.twoDecimals(r.p99Ms()) + " ms";
    }

    private static String votes(BenchFigures f) {
        if (!f.wrk.containsKey("votes")) {
            return "not run";
        }
        return f.rps("votes") + " votes/s, " + (FiguresTable.votesConsistent(f.votes) ? "every 201 stored"
                : "INCONSISTENT: " + FiguresTable.votesCheck(f));
    }

    private static String met(boolean met) {
        return met ? "met" : "**missed**";
    }

    /** The section of docs/benchmarks.md, or a line saying this run measured the JVM only. */
    public static String markdown(BenchFigures f) {
        StringBuilder md = new StringBuilder("## Native executables beside the JVM, this run\n\n");
        if (f.nativeExecutables == null) {
            return md.append("This run measured the JVM only (`./autobench bench --native` adds the native executables,"
                    + " built first by `./autobench native`).\n\n").toString();
        }
        md.append("""
                After the JVM stack above was stopped, `./autobench start --reset --native` started the same stack (state \
                folder, ports, settings) on the four native executables, and the suite measured it the same way: each \
                service stopped and launched again alone, sized as in its container (`-Xmx` of half the native \
                container's limit in `k8s/base`, which `-XX:MaximumHeapSizePercent=50` gives there), then the arena's \
                runs, each right after the trivial endpoint on the same stack. Raw outputs in \
                `.autobench-bench/results/native/`.

                """);
        md.append("| what | JVM | native | native target |\n|---|---|---|---|\n");
        for (Line l : lines(f)) {
            md.append("| ").append(l.what()).append(" | ").append(l.jvm()).append(" | ").append(l.nativeFigure())
                    .append(" | ").append(l.target()).append(" |\n");
        }
        return md.append('\n').toString();
    }

    /** The same lines for the console. */
    public static String text(BenchFigures f) {
        StringBuilder text = new StringBuilder();
        for (Line l : lines(f)) {
            text.append(String.format(Locale.ROOT, "%-60s | JVM %s%n%-60s | native %s%s%n", l.what(), l.jvm(), "",
                    l.nativeFigure(), l.target().isEmpty() ? "" : "   [target " + l.target() + "]"));
        }
        return text.toString().replace("**", "");
    }
}
