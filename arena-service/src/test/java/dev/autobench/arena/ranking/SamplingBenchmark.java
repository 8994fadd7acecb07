package dev.autobench.arena.ranking;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints how many votes each way of choosing the next match needs before every two models adjacent
 * in strength are told apart ({@link SamplingSimulation}), and their ratio. Not part of the default
 * run: {@code ./mvnw -o -pl arena-service test -Dgroups=benchmark -Darena.excludedGroups=none
 * -Dtest=SamplingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class SamplingBenchmark {

    @Test
    void votesNeededPerSamplingMethod() {
        int runs = Integer.getInteger("runs", 20);
        System.out.printf("%nvotes until every two adjacent models are separated (mean of %d simulated arenas)%n", runs);
        System.out.printf("%7s %12s %14s %22s %7s%n", "models", "spread (±)", "least voted", "expected information",
                "ratio");
        for (int[] setting : new int[][] {{8, 250}, {10, 400}, {20, 400}}) {
            SamplingSimulation.Result result = SamplingSimulation.run(setting[0], setting[1], runs, 2026);
            System.out.printf("%7d %12d %14.0f %22.0f %7.2f%n", setting[0], setting[1], result.leastVoted(),
                    result.expectedInformation(), result.ratio());
        }
    }
}
