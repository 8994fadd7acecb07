package dev.autobench.arena.ranking;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

/**
 * Prints how long a full leaderboard computation takes (counts, online Elo, Bradley–Terry and
 * 1000 bootstrap rounds) for 10k/100k/1M votes over 10/50/200 models. Not part of the default
 * run: {@code ./mvnw -o -pl arena-service test -Dgroups=benchmark -Darena.excludedGroups=none
 * -Dtest=RankingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class RankingBenchmark {

    @Test
    void leaderboardComputationTime() {
        RankingOptions options = new RankingOptions(Integer.getInteger("rounds", 1000), 1, 4);
        System.out.printf("%nleaderboard computation, %d bootstrap rounds, %d cores%n", options.bootstrapRounds(),
                Runtime.getRuntime().availableProcessors());
        // the wall time depends on what else runs on the machine; the CPU time of the process does not
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("%10s %7s %16s %16s %16s%n", "votes", "models", "first wall (ms)", "best wall (ms)",
                "best cpu (ms)");
        // warm the JIT on a mid-size problem first
        new RankingEngine(options).compute(Simulation.battles(Simulation.evenRatings(50, 300), 100_000, 0.1,
                new SplittableRandom(0)));
        for (int votes : new int[] {10_000, 100_000, 1_000_000}) {
            for (int models : new int[] {10, 50, 200}) {
                Battles battles = Simulation.battles(Simulation.evenRatings(models, 400), votes, 0.1,
                        new SplittableRandom(votes + models));
                long first = 0;
                long best = Long.MAX_VALUE;
                long bestCpu = Long.MAX_VALUE;
                for (int run = 0; run < 3; run++) {
                    long cpu = os.getProcessCpuTime();
                    long started = System.nanoTime();
                    new RankingEngine(options).compute(battles);
                    long elapsed = (System.nanoTime() - started) / 1_000_000;
                    bestCpu = Math.min(bestCpu, (os.getProcessCpuTime() - cpu) / 1_000_000);
                    if (run == 0) {
                        first = elapsed;
                    }
                    best = Math.min(best, elapsed);
                }
                System.out.printf("%10d %7d %16d %16d %16d%n", votes, models, first, best, bestCpu);
            }
        }
    }
}
