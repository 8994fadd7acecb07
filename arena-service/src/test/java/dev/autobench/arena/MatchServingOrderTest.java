package dev.autobench.arena;

import dev.autobench.arena.support.ServingFixture;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The serving order by expected information (the default), through HTTP: the served board says
 * which pairs of models a vote teaches the most about, and the voter gets such a match even when it
 * has more votes than the others; never one they judged; least voted first while there is no board.
 */
@QuarkusTest
class MatchServingOrderTest {

    ServingFixture arena;

    @BeforeEach
    void seed() {
        arena = new ServingFixture();
    }

    @Test
    void aMatchLinkingTwoGroupsTheBoardNeverComparedIsServedBeforeLessVotedOnesInsideAGroup() {
        arena.twoGroupsThatNeverMet();
        ServingFixture.recompute();
        arena.openMatchesAcrossTheGroupsHaveAVote();

        for (int visitor = 0; visitor < 5; visitor++) {
            Response match = new Voters().nextMatch();
            match.then().statusCode(200).body("voteToken", notNullValue());
            for (String slug : arena.slugs) {
                assertThat(match.asString()).doesNotContain(slug);
            }
            Set<Integer> pair = arena.pairOf(UUID.fromString(match.path("matchId")));
            assertThat(pair).as("a pair across the two groups").containsAnyOf(0, 1).containsAnyOf(2, 3);
        }
    }

    @Test
    void aVoterGetsEveryMatchOnceAndThenNone() {
        arena.twoGroupsThatNeverMet();
        ServingFixture.recompute();

        Voters voter = new Voters();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            Response match = voter.nextMatch();
            match.then().statusCode(200);
            String id = match.path("matchId");
            assertThat(seen.add(id)).as("match %s served twice", id).isTrue();
            voter.vote(match.path("voteToken"), "left").then().statusCode(201);
        }
        voter.nextMatch().then().statusCode(204);
    }

    @Test
    void withoutABoardTheLeastVotedMatchIsServed() {
        // a board without votes: nothing to weigh the pairs by
        ServingFixture.recompute();
        arena.openMatchesAcrossTheGroupsHaveAVote();

        arena.assertTheUnvotedMatchesAreServed(5);
    }

    @Test
    void aModelTheBoardDoesNotKnowIsServedFirst() {
        arena.threeKnownModelsAndANewOne();
        ServingFixture.recompute();
        arena.openMatchesOfModelHaveVotes(3, 0);

        for (int visitor = 0; visitor < 5; visitor++) {
            Response match = new Voters().nextMatch();
            match.then().statusCode(200);
            assertThat(arena.pairOf(UUID.fromString(match.path("matchId")))).as("a pair with the new model").contains(3);
        }
    }

    @Test
    void aNewModelsPairsGiveWayOnceTheyHaveHadManyVotes() {
        arena.threeKnownModelsAndANewOne();
        ServingFixture.recompute();
        arena.openMatchesOfModelHaveVotes(3, 300);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response match = new Voters().nextMatch();
            match.then().statusCode(200);
            assertThat(arena.pairOf(UUID.fromString(match.path("matchId"))))
                    .as("the closest known pair, not the new model's 300-vote ones").isEqualTo(Set.of(0, 1));
        });
    }

    @Test
    void aBoardThatKnowsNoneOfTheOpenModelsSaysNothingAndTheLeastVotedMatchIsServed() {
        arena.twoGroupsThatNeverMet();
        ServingFixture.recompute();
        // a new roster: the served board still holds only the first one's models
        ServingFixture others = new ServingFixture();
        others.openMatchesAcrossTheGroupsHaveAVote();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response match = new Voters().nextMatch();
            match.then().statusCode(200);
            assertThat(others.pairOf(UUID.fromString(match.path("matchId"))))
                    .as("one of the two matches without votes").isIn(Set.of(0, 1), Set.of(2, 3));
        });
    }
}
