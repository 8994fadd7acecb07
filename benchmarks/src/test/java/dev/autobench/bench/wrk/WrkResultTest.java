package dev.autobench.bench.wrk;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WrkResultTest {

    static String sample(String name) throws IOException {
        try (InputStream in = WrkResultTest.class.getResourceAsStream("/wrk/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsThroughputPercentilesAndTransferOfAPlainRun() throws IOException {
        WrkResult r = WrkResult.parse(sample("plain.txt"));

        assertThat(r.requestsPerSecond()).isEqualTo(990.69);
        assertThat(r.p50Ms()).isEqualTo(4.57);
        assertThat(r.p99Ms()).isEqualTo(20.16);
        assertThat(r.bytesPerSecond()).isCloseTo(410.21 * 1024, within(0.01));
        assertThat(r.kilobytesPerResponse()).isCloseTo(410.21 / 990.69, within(0.0001));
        assertThat(r.statuses()).isEmpty();
        assertThat(r.statusSummary()).isEqualTo("non-2xx=0");
        assertThat(r.sent()).isEqualTo(-1);
    }

    @Test
    void readsTheStatusCountsAScriptPrints() throws IOException {
        WrkResult r = WrkResult.parse(sample("new-voters.txt"));

        assertThat(r.statuses()).isEqualTo(Map.of(404, 2137L));
        assertThat(r.non2xx()).isEqualTo(2137);
        assertThat(r.statusSummary()).isEqualTo("404=2137");
        assertThat(r.bytesPerSecond()).isCloseTo(536.93 * 1024, within(0.01));
    }

    @Test
    void readsWhatTheVotesScriptCountedSentAndExhausted() throws IOException {
        WrkResult r = WrkResult.parse(sample("votes.txt"));

        assertThat(r.sent()).isEqualTo(300);
        assertThat(r.exhausted()).isEqualTo(2);
        assertThat(r.answered()).isEqualTo(295);
        assertThat(r.status(501)).isEqualTo(295);
        assertThat(r.status(201)).isZero();
        assertThat(r.p99Ms()).isEqualTo(40.84);
    }

    @Test
    void readsAPercentileInSecondsThatWrkPadsWithASpace() throws IOException {
        WrkResult r = WrkResult.parse(sample("match-new-slow.txt"));

        assertThat(r.p50Ms()).isEqualTo(569.47);
        assertThat(r.p99Ms()).isEqualTo(1150);
        assertThat(r.requestsPerSecond()).isEqualTo(79.38);
        assertThat(r.statuses()).isEqualTo(Map.of(200, 243L));
    }

    @Test
    void convertsEveryDurationUnitWrkPrints() {
        assertThat(WrkResult.millis("850.00us")).isEqualTo(0.85);
        assertThat(WrkResult.millis("2.21ms")).isEqualTo(2.21);
        assertThat(WrkResult.millis("1.02s")).isEqualTo(1020);
        assertThat(WrkResult.millis("1.50m")).isEqualTo(90_000);
    }

    @Test
    void saysWhatIsMissingFromSomethingThatIsNotAReport() throws IOException {
        assertThatThrownBy(() -> WrkResult.parse("unable to connect to 127.0.0.1:8080 Connection refused"))
                .hasMessageContaining("Requests/sec");
        String withoutLatency = sample("plain.txt").replaceAll("(?m)^\\s+\\d+%.*\\n", "");
        assertThatThrownBy(() -> WrkResult.parse(withoutLatency)).hasMessageContaining("--latency");
    }
}
