package dev.autobench.arena;

import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ConcurrentVotingTest {

    @BeforeEach
    void seed() {
        ArenaFixtures.reset();
        ArenaFixtures.seed(6, 3, Instant.now(), "games"); // 45 matches
        Voters.pair();
    }

    /**
     * 50 voters, each firing the same vote twice at the same moment as everyone else: every 201 is
     * exactly one stored vote, the twin is a 409, and the matches' counters agree with the votes.
     */
    @Test
    void underFiftyConcurrentVotersEvery201IsExactlyOneStoredVote() throws Exception {
        int voters = 50;
        List<Voters> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            Voters voter = new Voters();
            tokens.add(voter.nextMatch().then().statusCode(200).extract().path("voteToken"));
            browsers.add(voter);
        }
        ExecutorService pool = Executors.newFixedThreadPool(voters * 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < voters; i++) {
                Voters voter = browsers.get(i);
                String token = tokens.get(i);
                Callable<Integer> vote = () -> {
                    start.await();
                    return voter.vote(token, "left").statusCode();
                };
                statuses.add(pool.submit(vote));
                statuses.add(pool.submit(vote));
            }
            start.countDown();
            int created = 0;
            int conflicts = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get(60, TimeUnit.SECONDS);
                assertThat(code).isIn(201, 409);
                if (code == 201) {
                    created++;
                } else {
                    conflicts++;
                }
            }
            assertThat(created).isEqualTo(voters);
            assertThat(conflicts).isEqualTo(voters);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ArenaFixtures.count("SELECT count(*) FROM votes")).isEqualTo(voters);
        assertThat(ArenaFixtures.count("SELECT count(DISTINCT voter_key) FROM votes")).isEqualTo(voters);
        assertThat(ArenaFixtures.count("SELECT sum(vote_count) FROM matches")).isEqualTo(voters);
        assertThat(ArenaFixtures.count("""
                SELECT count(*) FROM matches m
                WHERE m.vote_count <> (SELECT count(*) FROM votes v WHERE v.match_id = m.id)""")).isZero();
    }
}
