package dev.autobench.bench.report;

import dev.autobench.bench.suite.BenchFigures;
import dev.autobench.bench.wrk.WrkResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A whole run's figures as the suite would collect them, with every target met unless a test changes one. */
final class Fixtures {

    private Fixtures() {
    }

    static WrkResult wrk(double rps, double p99Ms, Map<Integer, Long> statuses, long sent) {
        return new WrkResult(rps, rps * 2048, p99Ms / 4, p99Ms, statuses, 0, sent, 0);
    }

    static void run(BenchFigures f, String name, double rps, double p99Ms) {
        f.wrk.put(name, new BenchFigures.WrkRun("wrk -t2 -c50 -d15s --timeout 10s --latency http://localhost:18180/" + name,
                wrk(rps, p99Ms, Map.of(), -1), "CPU: arena 0.90, postgres 0.10, idle 0.20 of 2 cores"));
    }

    static String module(String name) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/modules/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static BenchFigures allMet() throws IOException {
        BenchFigures f = new BenchFigures();
        f.runDate = "2026-12-03 at 10:00 UTC";
        f.machine = new BenchFigures.Machine("AMD EPYC 7B13", 2, "23.5Gi total, 12.0Gi available at the end of the run",
                "openjdk version \"17.0.15\" 2025-04-15 OpenJDK Runtime Environment", "wrk 4.1.0 [epoll]");
        f.dbPort = 54339;
        f.portBase = 18180;
        f.duration = "15s";
        for (String live : List.of("live-1", "live-2", "live-3", "live-4", "live-5", "live-6", "live-7")) {
            run(f, live, 4000, 20);
        }
        run(f, "match-new", 1000, 40);
        run(f, "match-returning", 1200, 30);
        run(f, "artifact", 2000, 30);
        run(f, "static", 3000, 10);
        run(f, "leaderboard", 3600, 20);
        f.wrk.put("votes", new BenchFigures.WrkRun("BENCH_WRK_DIR=bench/wrk WRK_THREADS=2 VOTERS=v.tsv wrk …",
                wrk(1500, 30, Map.of(201, 22_000L), 22_010), "CPU: arena 1.00, postgres 0.50, idle 0.00 of 2 cores"));
        f.votes = new BenchFigures.Votes(22_010, 22_000, 22_000, 22_004);
        f.artifactPath = "/api/artifacts/0b5f3c0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
        f.services.put("arena-service", new BenchFigures.ServiceStart(4200, "2.101", 240, 310));
        f.rssLoadedMb = 330;
        f.rssDispatcherLoadedMb = 300;
        f.spikeRate = 50;
        f.spikeCommand = "java -jar benchmarks/target/autobench-benchmarks.jar spike --url …";
        f.spikeLines = List.of(
                "spike phase=steady rate=50 seconds=60 requests=3000 p50_ms=12.00 p99_ms=40.00 max_ms=90.00 errors=0 statuses=200=3000 rss_max_mb=300",
                "spike phase=ramp rate=50->500 seconds=10 requests=2750 p50_ms=14.00 p99_ms=60.00 max_ms=99.00 errors=0 statuses=200=2750 rss_max_mb=320",
                "spike phase=spike rate=500 seconds=60 requests=30000 p50_ms=30.00 p99_ms=300.00 max_ms=900.00 errors=0 statuses=200=30000 rss_max_mb=360",
                "spike phase=after rate=50 seconds=60 requests=3000 p50_ms=12.00 p99_ms=41.00 max_ms=80.00 errors=0 statuses=200=3000 rss_max_mb=361");
        f.dispatchCommand = "java -jar benchmarks/target/autobench-benchmarks.jar dispatch --models 4,20";
        f.dispatchLines = List.of(
                "dispatch models=4 tasks=3 submissions=12 succeeded=12 wall_ms=1200 sum_ms=12000 slowest_ms=1010 speedup=10.0 summary={}",
                "dispatch models=20 tasks=3 submissions=60 succeeded=60 wall_ms=4100 sum_ms=61000 slowest_ms=1020 speedup=14.9 summary={}",
                "dispatch-unbounded models=20 tasks=3 submissions=60 succeeded=60 wall_ms=1500 sum_ms=60500 slowest_ms=1030 speedup=40.3 summary={}");
        f.loads = List.of("start 1.50 1.20 1.00", "wrk live-1 3.25 1.60 1.10", "end 0.75 1.00 1.00");
        f.modules = true;
        for (String m : List.of("ranking", "renderer", "dispatch-wiremock")) {
            f.moduleRuns.put(m, new BenchFigures.ModuleRun("./mvnw -B -pl x test -Dtest=" + m, module(m)));
        }
        return f;
    }

    /** The arena's native stack as suite --native measures it: the arena launched, its runs beside the trivial one. */
    static BenchFigures nativeExecutables() {
        BenchFigures n = new BenchFigures();
        n.services.put("arena-service", new BenchFigures.ServiceStart(150, "0.101", 122, 135));
        n.sizeOnDiskMb.put("arena-service", 105L);
        for (String live : List.of("live-1", "live-2", "live-3", "live-4", "live-5", "live-6")) {
            run(n, live, 5000, 8);
        }
        run(n, "match-new", 1500, 12);
        run(n, "match-returning", 2000, 10);
        run(n, "artifact", 3000, 9);
        run(n, "static", 4500, 5);
        run(n, "leaderboard", 2500, 9);
        n.wrk.put("votes", new BenchFigures.WrkRun("BENCH_WRK_DIR=bench/wrk WRK_THREADS=2 VOTERS=v.tsv wrk …",
                wrk(900, 30, Map.of(201, 13_500L), 13_500), "CPU: arena 1.00, postgres 0.50, idle 0.00 of 2 cores"));
        n.votes = new BenchFigures.Votes(13_500, 13_500, 13_500, 13_500);
        n.rssLoadedMb = 180;
        return n;
    }
}
