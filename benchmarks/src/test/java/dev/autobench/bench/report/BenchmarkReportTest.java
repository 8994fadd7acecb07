package dev.autobench.bench.report;

import dev.autobench.bench.suite.BenchFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkReportTest {

    @TempDir
    Path dir;

    @Test
    void hasTheSectionsOfDocsBenchmarksInOrderWithTheAnalysisCopiedIn() throws IOException {
        BenchFigures f = Fixtures.allMet();
        f.profiles.put("match-new", "1234 CPU samples (jdk.ExecutionSample) in profile-match-new.jfr");
        Fixtures.run(f, "profiled-match-new", 800, 60);

        String md = BenchmarkReport.render(f, "## Reading the figures\n\nWritten by hand.\n",
                "<!-- kept -->\n\n## Native executables\n\nMeasured apart.\n");

        assertThat(md).containsSubsequence("# Benchmarks", "on 2026-12-03 at 10:00 UTC", "## The machine",
                "| CPU | AMD EPYC 7B13, `nproc` = 2 |", "| load average (1 min) during the run | 0.75 – 3.25 —",
                "## Targets", "| target (2 cores, JVM mode) | measured | |", "## Figures", "| what | figure | target | command |",
                "Load average (1, 5, 15 min) when each step began:", "wrk live-1 3.25 1.60 1.10", "## Profiles",
                "### GET /api/arena/match, new visitor (no cookie: creates a voter)", "the run (800 req/s under the recorder;",
                "1234 CPU samples", "## Reading the figures", "Written by hand.", "## Native executables",
                "Measured apart.", "## How to reproduce", "AUTOBENCH_PORT_BASE=18180 ./autobench start --reset",
                "`./autobench bench --native` measures the\nnative executables too");
        assertThat(md).doesNotContain("no native figure");
    }

    @Test
    void figuresRowsCarryRatiosSizesStatusesCpuAndTheirCommands() throws IOException {
        BenchFigures f = Fixtures.allMet();

        List<Row> rows = FiguresTable.rows(f);

        assertThat(rows).extracting(Row::what).startsWith("arena-service: launch → /q/health/ready 200",
                "arena-service: RSS after start (idle, 2 s after ready)", "arena-service: RSS after `autobench start` + one day",
                "arena: RSS after the wrk load below", "dispatcher: RSS after the dispatches below (4, 20 models)",
                "arena GET /q/health/live (just before match-new)");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.what()).isEqualTo("arena GET /api/leaderboard");
            assertThat(r.figure()).isEqualTo("3600 req/s, p50 5.00 ms, p99 20.00 ms, 2.0 KB per response; non-2xx=0;"
                    + " CPU: arena 0.90, postgres 0.10, idle 0.20 of 2 cores — **0.90 ×** the mean of /q/health/live"
                    + " just before and just after (4000 req/s)");
            assertThat(r.target()).isEqualTo("≥ 0.8 × trivial, p99 < 50 ms");
        });
        assertThat(rows).anySatisfy(r -> assertThat(r.what())
                .isEqualTo("arena GET /api/artifacts/0b5f3c0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.what()).isEqualTo("dispatch 3 tasks × 20 models, 1 s calls, bulkhead 300");
            assertThat(r.figure()).startsWith("wall 1500 ms vs sequential sum 60500 ms (×40.3; slowest call 1030 ms; 60/60");
            assertThat(r.command()).endsWith("(dispatcher with AUTOBENCH_DISPATCH_BULKHEAD_PER_PROVIDER=300, --models 20)");
        });
        assertThat(rows).extracting(Row::what).contains("leaderboard computation, 1000000 votes × 50 models × 1000 rounds",
                "renderer, concurrency 2", "dispatch 3 tasks × 20 models over 4 providers (WireMock, 1 s), in-process");
        assertThat(rows).anySatisfy(r -> assertThat(r.figure()).isEqualTo("wall 1480 ms vs sequential sum 60650 ms"));
        assertThat(BenchmarkReport.table(rows)).contains("| `wrk -t2 -c50 -d15s --timeout 10s --latency http://localhost:18180/live-1` |");
    }

    @Test
    void aRunWithoutModulesHasNoModuleRowsAndAModuleWithoutFiguresSaysWhy() throws IOException {
        BenchFigures f = Fixtures.allMet();
        f.moduleRuns.put("renderer", new BenchFigures.ModuleRun("./mvnw …", "missing: renderer-service has no X"));
        assertThat(FiguresTable.rows(f)).anySatisfy(r -> assertThat(r.figure())
                .isEqualTo("not measured: missing: renderer-service has no X"));

        f.modules = false;
        assertThat(FiguresTable.rows(f)).extracting(Row::what).noneMatch(w -> w.startsWith("renderer"));
    }

    @Test
    void aRunOfTheJvmOnlySaysHowToMeasureTheNativeExecutablesBesideIt() throws IOException {
        BenchFigures f = Fixtures.allMet();

        assertThat(NativeComparison.lines(f)).isEmpty();
        assertThat(BenchmarkReport.render(f, "", "")).contains("## Native executables beside the JVM, this run\n\n"
                + "This run measured the JVM only (`./autobench bench --native`");
    }

    @Test
    void theNativeExecutablesStandBesideTheJvmWithTheirOwnRatiosAndTheirTargets() throws IOException {
        BenchFigures f = Fixtures.allMet();
        f.sizeOnDiskMb.put("arena-service", 59L);
        f.nativeExecutables = Fixtures.nativeExecutables();

        List<NativeComparison.Line> lines = NativeComparison.lines(f);

        assertThat(lines).contains(
                new NativeComparison.Line("arena-service: launch → ready", "4200 ms", "150 ms (28.00 × sooner)",
                        "< 200 ms: met"),
                new NativeComparison.Line("arena-service: RSS idle, 2 s after ready",
                        "240 MB of 768 MiB (`-XX:MaxRAM=768m -XX:MaxRAMPercentage=50`)",
                        "122 MB of 512 MiB (`-Xmx256m`)", "< 80 MB: **missed**"),
                new NativeComparison.Line("arena-service: size on disk", "59 MB (target/quarkus-app/, beside a JDK)",
                        "105 MB (the executable, all of it)", ""),
                new NativeComparison.Line("arena GET /api/arena/match, new visitor (no cookie: creates a voter)",
                        "1000 req/s, **0.25 ×** trivial (4000 req/s), p99 40.00 ms",
                        "1500 req/s, **0.30 ×** trivial (5000 req/s), p99 12.00 ms", ""),
                new NativeComparison.Line("arena GET /api/leaderboard",
                        "3600 req/s, **0.90 ×** trivial (4000 req/s), p99 20.00 ms",
                        "2500 req/s, **0.50 ×** trivial (5000 req/s), p99 9.00 ms", ""),
                new NativeComparison.Line("arena POST /api/arena/votes, distinct voters", "1500 votes/s, every 201 stored",
                        "900 votes/s, every 201 stored", ""),
                new NativeComparison.Line("arena: RSS after these runs", "330 MB of 768 MiB", "180 MB of 512 MiB",
                        "within the limit: met"));
        // services the native run did not launch are left out, not shown as zero
        assertThat(lines).extracting(NativeComparison.Line::what).noneMatch(w -> w.startsWith("generator-service"));
        assertThat(BenchmarkReport.render(f, "", "")).containsSubsequence("## Native executables beside the JVM, this run",
                "| what | JVM | native | native target |", "| arena-service: launch → ready | 4200 ms | 150 ms",
                "## Profiles");
    }

    @Test
    void theReportWrittenAgainFromTheSavedFiguresIsTheSame() throws IOException {
        BenchFigures f = Fixtures.allMet();
        f.nativeExecutables = Fixtures.nativeExecutables();
        Path saved = dir.resolve("figures.json");

        f.write(saved);

        assertThat(BenchmarkReport.render(BenchFigures.read(saved), "analysis", "")).isEqualTo(BenchmarkReport.render(f, "analysis", ""));
    }
}
