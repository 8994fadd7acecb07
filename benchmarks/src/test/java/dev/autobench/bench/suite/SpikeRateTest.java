package dev.autobench.bench.suite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpikeRateTest {

    @Test
    void aFastArenaGetsThePopularLinksRateNotOneScaledToItsThroughput() {
        // 21,305 first visits a second in closed loop: a spike of 10 × 1,065/s saturated the load generator
        assertThat(BenchSuite.defaultSpikeRate(21_305)).isEqualTo(100);
        assertThat(BenchSuite.defaultSpikeRate(2_000)).isEqualTo(100);
    }

    @Test
    void aSlowArenaIsNeverOfferedMoreThanHalfOfWhatItServed() {
        assertThat(BenchSuite.defaultSpikeRate(434)).isEqualTo(21);
        assertThat(BenchSuite.defaultSpikeRate(50)).isEqualTo(10);
    }
}
