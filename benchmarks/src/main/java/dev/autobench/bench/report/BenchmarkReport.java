package dev.autobench.bench.report;

import dev.autobench.bench.suite.BenchFigures;
import dev.autobench.bench.wrk.WrkResult;

import java.util.List;

/**
 * docs/benchmarks.md from one run's figures. The reading of the figures that a program cannot write (why a target
 * is missed, what was done) lives in bench/analysis.md and is copied in verbatim.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    public static String render(BenchFigures f, String analysis, String byHand) {
        BenchFigures.Machine m = f.machine;
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("These figures come from **one run of `./autobench bench`** (the `suite` command of\n");
        md.append("`benchmarks/`), on ").append(f.runDate).append(", and\n");
        md.append("""
                are rewritten by every run. Each figure sits beside the command that made it. The machine is shared and small, so
                absolute numbers move from run to run; **read the ratios** — each HTTP figure was measured right after the same
                service's trivial endpoint, in the same run, under the same neighbours.

                ## The machine

                | | |
                |---|---|
                """);
        md.append("| CPU | ").append(escape(m.cpuModel())).append(", `nproc` = ").append(m.cores()).append(" |\n");
        md.append("| memory | ").append(escape(m.memory())).append(" (`free -h`) |\n");
        md.append("| Java | ").append(escape(m.java())).append(" |\n");
        md.append("| wrk | ").append(escape(m.wrk())).append(" |\n");
        md.append("| load average (1 min) during the run | ").append(loadRange(f.loads)).append(" — every reading below |\n");
        md.append("""

                wrk runs on the same two cores as the services and PostgreSQL: the load generator takes its share of the CPU, as
                it would on any one-machine test. The CPU column of each wrk run shows where the two cores went.

                ## Targets

                """);
        md.append(TargetChecks.markdown(f)).append("\n\n## Figures\n\n");
        md.append(table(FiguresTable.rows(f))).append('\n');
        md.append("Load average (1, 5, 15 min) when each step began:\n\n```\n");
        f.loads.forEach(l -> md.append(l).append('\n'));
        md.append("```\n\n");
        md.append(NativeComparison.markdown(f));
        md.append("## Profiles\n\n");
        md.append("""
                The first visit's `GET /api/arena/match` is always profiled (no target, but it is a visitor's first page and
                the costliest read); the leaderboard and the votes are profiled when they miss their target.

                """);
        if (f.profiles.isEmpty()) {
            md.append("No profile was taken in this run.\n");
        }
        f.profiles.forEach((name, summary) -> profile(md, f, name, summary));
        md.append('\n').append(analysis.isBlank() ? "" : analysis.stripTrailing() + "\n").append('\n');
        md.append(byHand.isBlank() ? "" : byHand.stripTrailing() + "\n\n");
        md.append(reproduce(f));
        return md.toString();
    }

    private static void profile(StringBuilder md, BenchFigures f, String name, String summary) {
        BenchFigures.WrkRun run = f.wrk.get("profiled-" + name);
        WrkResult r = run == null ? null : run.result();
        md.append("### ").append(name.equals("artifact") ? "GET " + f.artifactPath : FiguresTable.endpoint(name))
                .append("\n\n");
        md.append("A 20 s JFR recording of the arena (`jcmd <pid> JFR.start duration=20s settings=profile`) while wrk repeated\n");
        md.append("the run (").append(r == null ? "?" : Math.round(r.requestsPerSecond())).append(" req/s under the recorder; ")
                .append(run == null ? "CPU ?" : run.cpu()).append("), summarised by\n");
        md.append("`java -jar benchmarks/target/autobench-benchmarks.jar jfr-hotspots --file <recording>`:\n\n```\n");
        md.append(summary.stripTrailing()).append("\n```\n\n");
    }

    static String table(List<Row> rows) {
        StringBuilder md = new StringBuilder("| what | figure | target | command |\n|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.what()).append(" | ").append(r.figure()).append(" | ").append(r.target())
                    .append(" | `").append(r.command()).append("` |\n");
        }
        return md.toString();
    }

    /** The lowest and highest 1-minute load average of the readings ("label 1min 5min 15min"). */
    static String loadRange(List<String> loads) {
        double min = Double.MAX_VALUE;
        double max = 0;
        String low = "";
        String high = "";
        for (String line : loads) {
            String[] words = line.trim().split("\\s+");
            if (words.length < 3) {
                continue;
            }
            String one = words[words.length - 3];
            double value = Double.parseDouble(one);
            if (value < min) {
                min = value;
                low = one;
            }
            if (value >= max) {
                max = value;
                high = one;
            }
        }
        return low + " – " + high;
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    private static String reproduce(BenchFigures f) {
        return """
                ## How to reproduce

                ```bash
                ./autobench bench               # the whole suite: build if needed, bench stack, wrk, module benchmarks, this file
                ./autobench bench --no-write    # the same, without rewriting docs/benchmarks.md
                ```

                It needs a JDK 17+ and `wrk` (installed with apt-get when missing and run as root), and ports %1$d-%2$d and
                %3$d free: it starts its own stack (`AUTOBENCH_HOME=.autobench-bench AUTOBENCH_DB_PORT=%3$d
                AUTOBENCH_PORT_BASE=%1$d ./autobench start --reset`) and stops it at the end, whatever happens. Raw outputs
                (every wrk report, the modules' logs, the JFR recordings, `figures.json`) are left in
                `.autobench-bench/results/`. See `bench/README.md` for what each step does.

                The bench stack differs from a production arena in exactly these settings, so that one load generator can act as
                many visitors: the demo models play (never a paid provider) and each demo call takes 1 s
                (`AUTOBENCH_DEMO_LATENCY=1s`); `AUTOBENCH_ARENA_RATE_LIMIT_*` are raised far above the load;
                `AUTOBENCH_ARENA_MIN_VIEW_TIME=0s` (votes cast at once are counted); `QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1/32`, and
                every simulated voter sends its own `X-Forwarded-For` address, as an ingress would, so that votes do not all queue
                on one IP's lock. The per-voter and per-IP checks still run on every vote: only their thresholds are raised.

                The figures table is JVM mode (`java -jar target/quarkus-app/quarkus-run.jar`, each relaunched service sized
                as in its container, `-XX:MaxRAM=<limit> -XX:MaxRAMPercentage=50`). `./autobench bench --native` measures the
                native executables too, in a second stack after the JVM's (build them first with `./autobench native`): the
                section "Native executables beside the JVM, this run".
                """.formatted(f.portBase, f.portBase + 3, f.dbPort);
    }
}
