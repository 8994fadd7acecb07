package dev.autobench.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DispatchResultTest {

    /** The suite reads these key=value pairs back; the speed-up is the sequential sum over the wall time. */
    @Test
    void lineCarriesTheFiguresRunShReads() {
        var result = new DispatchWallTime.Result(20, 3, 60, 60, 4_100, 61_000, 1_020, "{\"calls\":60}");

        assertThat(result.line()).startsWith("dispatch models=20 tasks=3 submissions=60 succeeded=60 wall_ms=4100"
                + " sum_ms=61000 slowest_ms=1020 speedup=14.9 summary={\"calls\":60}");
    }
}
