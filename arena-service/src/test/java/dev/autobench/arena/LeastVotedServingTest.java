package dev.autobench.arena;

import dev.autobench.arena.support.ConfigProfile;
import dev.autobench.arena.support.ServingFixture;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator can return to least voted first: the board's view of the pairs is then ignored. */
@QuarkusTest
@TestProfile(LeastVotedServingTest.LeastVoted.class)
class LeastVotedServingTest {

    public static class LeastVoted extends ConfigProfile {
        public LeastVoted() {
            super("autobench.arena.serving.order", "least-voted");
        }
    }

    @Test
    void theLeastVotedMatchIsServedWhateverTheBoardSays() {
        ServingFixture arena = new ServingFixture();
        arena.twoGroupsThatNeverMet();
        ServingFixture.recompute();
        arena.openMatchesAcrossTheGroupsHaveAVote();

        for (int visitor = 0; visitor < 5; visitor++) {
            Response match = new Voters().nextMatch();
            match.then().statusCode(200);
            assertThat(arena.pairOf(UUID.fromString(match.path("matchId"))))
                    .as("one of the two matches without votes").isIn(Set.of(0, 1), Set.of(2, 3));
        }
    }
}
