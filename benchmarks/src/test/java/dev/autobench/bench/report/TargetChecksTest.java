package dev.autobench.bench.report;

import dev.autobench.bench.suite.BenchFigures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetChecksTest {

    private static TargetChecks.Check check(BenchFigures f, String startOfTarget) {
        return TargetChecks.checks(f).stream().filter(c -> c.target().startsWith(startOfTarget)).findFirst()
                .orElseThrow();
    }

    @Test
    void everyTargetIsMetByFiguresThatMeetThem() throws IOException {
        assertThat(TargetChecks.checks(Fixtures.allMet())).allSatisfy(c -> assertThat(c.met()).as(c.target()).isTrue());
    }

    @Test
    void aRatioTargetNeedsBothTheRatioAndAP99Under50Ms() throws IOException {
        BenchFigures f = Fixtures.allMet();
        Fixtures.run(f, "match-new", 1000, 40); // 1000 / 4000 = 0.25: exactly the target
        assertThat(check(f, "new visitor's").met()).isTrue();
        assertThat(check(f, "new visitor's").measured())
                .isEqualTo("1000 req/s = 0.25 × `GET /q/health/live` (4000 req/s), p99 40.00 ms");

        Fixtures.run(f, "match-new", 960, 40); // 0.24 as printed
        assertThat(check(f, "new visitor's").met()).isFalse();

        Fixtures.run(f, "match-new", 3000, 50);
        assertThat(check(f, "new visitor's").met()).isFalse();
    }

    @Test
    void theLeaderboardIsReadAgainstTheMeanOfTheTrivialRunsBeforeAndAfter() throws IOException {
        BenchFigures f = Fixtures.allMet();
        Fixtures.run(f, "live-5", 5000, 20);
        Fixtures.run(f, "live-6", 3000, 20);
        Fixtures.run(f, "leaderboard", 3200, 20);

        assertThat(f.leaderboardBaseline()).isEqualTo(4000);
        assertThat(check(f, "`GET /api/leaderboard`").met()).isTrue();

        Fixtures.run(f, "leaderboard", 3100, 20);
        assertThat(check(f, "`GET /api/leaderboard`").met()).isFalse();
        assertThat(check(f, "`GET /api/leaderboard`").measured()).contains("0.78 ×", "4000 req/s");
    }

    @Test
    void votesAreConsistentOnlyWhenEvery201IsStoredAndNothingElseIs() throws IOException {
        BenchFigures f = Fixtures.allMet();
        assertThat(FiguresTable.votesCheck(f)).isEqualTo("22004 new rows; 22010 sent, 22000 answered 201, 0 other"
                + " answers, 10 unanswered at wrk's stop — consistent: every 201 stored");

        f.votes = new BenchFigures.Votes(22_010, 22_000, 22_000, 21_999); // a 201 not stored
        assertThat(FiguresTable.votesCheck(f)).endsWith("INCONSISTENT");
        f.votes = new BenchFigures.Votes(22_010, 22_000, 22_000, 22_011); // more rows than requests sent
        assertThat(check(f, "votes").met()).isFalse();
        f.votes = new BenchFigures.Votes(22_010, 22_000, 21_990, 21_990); // ten answers were not 201
        assertThat(check(f, "votes").met()).isFalse();
    }

    @Test
    void votesBelow1000PerSecondMissEvenWhenAllAreStored() throws IOException {
        BenchFigures f = Fixtures.allMet();
        f.wrk.put("votes", new BenchFigures.WrkRun("wrk", Fixtures.wrk(999.4, 30, java.util.Map.of(201, 22_000L), 22_010), ""));

        assertThat(check(f, "votes").met()).isFalse();
        assertThat(check(f, "votes").measured()).startsWith("999 votes/s; 22004 new rows");
    }

    @Test
    void oneErrorInAnyPhaseMissesTheSpikeAndTheSpikesRssCountsAgainstTheLimit() throws IOException {
        BenchFigures f = Fixtures.allMet();
        assertThat(check(f, "spike").target()).isEqualTo("spike of first visits (R = 50/s for 60 s, 10 × R after a"
                + " 10 s ramp for 60 s, R for 60 s): 0 errors");
        assertThat(check(f, "spike").measured()).contains("spike 500/s: p50 30.00 ms, p99 300.00 ms, 0 errors, RSS ≤ 360 MB");

        List<String> lines = new ArrayList<>(f.spikeLines);
        lines.set(2, lines.get(2).replace("errors=0", "errors=1").replace("rss_max_mb=360", "rss_max_mb=768"));
        f.spikeLines = lines;
        assertThat(check(f, "spike").met()).isFalse();
        assertThat(check(f, "arena RSS").met()).isFalse();
        assertThat(check(f, "arena RSS").measured()).startsWith("330 MB after the wrk runs, at most 768 MB during the spike");

        f.spikeLines = List.of();
        assertThat(check(f, "spike").measured()).isEqualTo("not run");
    }

    @Test
    void theRankingTargetIsTheBestWallOfTheMillionVotesByFiftyModelsLine() throws IOException {
        BenchFigures f = Fixtures.allMet();
        assertThat(check(f, "leaderboard computation").measured()).isEqualTo("1840 ms");

        f.moduleRuns.put("ranking", new BenchFigures.ModuleRun("./mvnw …", "[ERROR] BUILD FAILURE"));
        assertThat(check(f, "leaderboard computation").measured()).isEqualTo("not measured ms");
        assertThat(check(f, "leaderboard computation").met()).isFalse();
    }

    @Test
    void theDispatchLineListsEachCountsWallTimeWithoutTheUnboundedRun() throws IOException {
        assertThat(TargetChecks.markdown(Fixtures.allMet())).endsWith("| dispatch lasts about the slowest call (1 s), not"
                + " the sum | 4 models: 1200 ms, 20 models: 4100 ms (default bulkhead of 16 calls per provider) | see below |");
    }
}
