package dev.autobench.arena.ranking;

import dev.autobench.arena.ranking.SamplingSimulation.Method;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints how many votes each way of choosing the next match needs before every two models adjacent
 * in strength are told apart ({@link SamplingSimulation}), and the ratio least voted / expected
 * information. Not part of the default run: {@code ./mvnw -o -pl arena-service test -Dgroups=benchmark
 * -Darena.excludedGroups=none -Dtest=SamplingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Druns=} arenas per size, default 10; {@code -DrefitEvery=} votes between board refits, default 100).
 */
@Tag("benchmark")
class SamplingBenchmark {

    @Test
    void votesNeededPerSamplingMethod() {
        int runs = Integer.getInteger("runs", 10);
        int refitEvery = Integer.getInteger("refitEvery", SamplingSimulation.REFIT_EVERY);
        System.out.printf("%nvotes until every two adjacent models are separated (mean of %d simulated arenas,"
                + " board refitted every %d votes)%n", runs, refitEvery);
        System.out.printf("%7s %11s %12s %12s %8s %12s %8s%n", "models", "spread (±)", "least voted",
                "all ratings", "ratio", "adjacent", "ratio");
        for (int[] setting : new int[][] {{8, 250}, {10, 400}, {20, 400}, {50, 1000}}) {
            SamplingSimulation.Result result = SamplingSimulation.run(setting[0], setting[1], runs, 2026, refitEvery,
                    Method.values());
            System.out.printf("%7d %11d %12.0f %12.0f %8.2f %12.0f %8.2f%n", setting[0], setting[1],
                    result.of(Method.LEAST_VOTED), result.of(Method.ALL_RATINGS), result.ratio(Method.ALL_RATINGS),
                    result.of(Method.ADJACENT_DIFFERENCES), result.ratio(Method.ADJACENT_DIFFERENCES));
        }
    }
}
