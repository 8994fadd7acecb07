package dev.autobench.arena;

import dev.autobench.arena.support.ConfigProfile;
import dev.autobench.arena.support.ServingFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;



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

        arena.assertTheUnvotedMatchesAreServed(5);
    }
}
