package dev.autobench.bench.report;

import dev.autobench.bench.suite.BenchFigures;
import dev.autobench.bench.suite.Service;
import dev.autobench.bench.wrk.WrkResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The targets of docs/design.md, each checked against a run's figures: one markdown table, met or missed. */
public final class TargetChecks {

    /** One line of the targets table. */
    public record Check(String target, String measured, boolean met) {
        String markdown() {
            return "| " + target + " | " + measured.replace("|", "\\|") + " | " + (met ? "**met**" : "**missed**") + " |";
        }
    }

    private TargetChecks() {
    }

    public static List<Check> checks(BenchFigures f) {
        List<Check> checks = new ArrayList<>();
        checks.add(read(f, "new visitor's `GET /api/arena/match`", "match-new", "live-1", 0.25));
        checks.add(read(f, "returning visitor's `GET /api/arena/match`", "match-returning", "live-2", 0.25));
        checks.add(read(f, "`GET /api/artifacts/{id}`", "artifact", "live-3", 0.5));
        checks.add(read(f, "a static file (`GET /favicon.svg`)", "static", "live-5", 0.5));
        checks.add(leaderboard(f));
        checks.add(spike(f));
        checks.add(arenaMemory(f));
        boolean votesMet = f.rps("votes") >= 1000 && FiguresTable.votesConsistent(f.votes);
        checks.add(new Check("votes ≥ 1,000/s, every 201 stored", f.rps("votes") + " votes/s; "
                + FiguresTable.votesCheck(f), votesMet));
        Long rankMs = rankingMs(f);
        checks.add(new Check("leaderboard computation, 1M votes × 50 models × 1000 rounds ≤ 2 s",
                (rankMs == null ? "not measured" : rankMs.toString()) + " ms", rankMs != null && rankMs <= 2000));
        return checks;
    }

    /** The targets table in markdown, with the dispatch line that has no verdict of its own. */
    public static String markdown(BenchFigures f) {
        StringBuilder md = new StringBuilder("| target (2 cores, JVM mode) | measured | |\n|---|---|---|\n");
        for (Check check : checks(f)) {
            md.append(check.markdown()).append('\n');
        }
        List<String> dispatches = new ArrayList<>();
        for (String line : f.dispatchLines) {
            if (Numbers.kind(line).equals("dispatch")) {
                Map<String, String> v = Numbers.fields(line);
                dispatches.add(v.get("models") + " models: " + v.get("wall_ms") + " ms");
            }
        }
        md.append("| dispatch lasts about the slowest call (1 s), not the sum | ").append(String.join(", ", dispatches))
                .append(" (default bulkhead of 16 calls per provider) | see below |");
        return md.toString();
    }

    /** "≥ ratio × the trivial endpoint just before, p99 < 50 ms". */
    static Check read(BenchFigures f, String label, String run, String baseline, double minRatio) {
        WrkResult r = f.wrk.containsKey(run) ? f.result(run) : null;
        double p99 = r == null ? 999 : r.p99Ms();
        String ratio = Numbers.ratio(f.rps(run), f.rps(baseline));
        boolean met = !ratio.equals("?") && Double.parseDouble(ratio) >= minRatio && p99 < 50;
        return new Check(label + " ≥ " + trim(minRatio) + " × the trivial endpoint just before, p99 < 50 ms",
                f.rps(run) + " req/s = " + ratio + " × `GET /q/health/live` (" + f.rps(baseline) + " req/s), p99 "
                        + Numbers.twoDecimals(p99) + " ms", met);
    }

    static Check leaderboard(BenchFigures f) {
        long base = f.leaderboardBaseline();
        String ratio = Numbers.ratio(f.rps("leaderboard"), base);
        double p99 = f.wrk.containsKey("leaderboard") ? f.result("leaderboard").p99Ms() : 999;
        boolean met = !ratio.equals("?") && Double.parseDouble(ratio) >= 0.8 && p99 < 50;
        return new Check("`GET /api/leaderboard` ≥ 0.8 × the trivial endpoint, p99 < 50 ms", f.rps("leaderboard")
                + " req/s = " + ratio + " × `GET /q/health/live` (mean of the runs just before and after: " + base
                + " req/s), p99 " + Numbers.twoDecimals(p99) + " ms", met);
    }

    static Check spike(BenchFigures f) {
        if (f.spikeLines.isEmpty()) {
            return new Check("spike of first visits: 0 errors", "not run", false);
        }
        long errors = 0;
        List<String> phases = new ArrayList<>();
        Map<String, String> steady = Numbers.fields(f.spikeLines.get(0));
        Map<String, String> ramp = Numbers.fields(f.spikeLines.get(Math.min(1, f.spikeLines.size() - 1)));
        Map<String, String> hold = Numbers.fields(f.spikeLines.get(Math.min(2, f.spikeLines.size() - 1)));
        Map<String, String> after = Numbers.fields(f.spikeLines.get(f.spikeLines.size() - 1));
        for (String line : f.spikeLines) {
            Map<String, String> v = Numbers.fields(line);
            errors += Long.parseLong(v.getOrDefault("errors", "0"));
            phases.add(v.get("phase") + " " + v.get("rate") + "/s: p50 " + v.get("p50_ms") + " ms, p99 "
                    + v.get("p99_ms") + " ms, " + v.get("errors") + " errors, RSS ≤ " + v.get("rss_max_mb") + " MB");
        }
        String trivial = f.wrk.containsKey("live-7")
                ? f.rps("live-7") + " req/s, p99 " + Numbers.twoDecimals(f.result("live-7").p99Ms()) + " ms" : "not run";
        return new Check("spike of first visits (R = " + f.spikeRate + "/s for " + steady.get("seconds")
                + " s, 10 × R after a " + ramp.get("seconds") + " s ramp for " + hold.get("seconds") + " s, R for "
                + after.get("seconds") + " s): 0 errors",
                String.join("; ", phases) + " (`GET /q/health/live` just before: " + trivial + ")", errors == 0);
    }

    static Check arenaMemory(BenchFigures f) {
        long spikeRss = 0;
        for (String line : f.spikeLines) {
            try {
                spikeRss = Math.max(spikeRss, Math.round(Double.parseDouble(Numbers.fields(line).get("rss_max_mb"))));
            } catch (RuntimeException notANumber) {
                // a phase without an RSS sample (no --pid) adds nothing
            }
        }
        long worst = Math.max(f.rssLoadedMb, spikeRss);
        Service arena = Service.ARENA;
        return new Check("arena RSS under the load within its container limit", f.rssLoadedMb
                + " MB after the wrk runs, at most " + spikeRss + " MB during the spike, against a "
                + arena.containerLimitMb + " MiB limit (heap at most " + arena.heapMaxMb() + " MiB: `"
                + arena.heapOptions() + "`, as `JAVA_MAX_MEM_RATIO=" + Service.HEAP_PERCENT + "` in the container)",
                worst < arena.containerLimitMb);
    }

    /** Best wall time of the 1M votes × 50 models line of the ranking benchmark. */
    static Long rankingMs(BenchFigures f) {
        BenchFigures.ModuleRun run = f.moduleRuns.get("ranking");
        if (run == null) {
            return null;
        }
        return ModuleFigures.ranking(run.output()).stream().filter(r -> r.votes() == 1_000_000 && r.models() == 50)
                .map(ModuleFigures.Ranking::bestMs).findFirst().orElse(null);
    }

    private static String trim(double ratio) {
        return ratio == Math.rint(ratio) ? Long.toString((long) ratio) : Double.toString(ratio);
    }
}
