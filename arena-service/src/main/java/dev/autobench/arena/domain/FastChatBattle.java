package dev.autobench.arena.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One line of the votes export, in FastChat's battle format (as read by its
 * {@code elo_analysis.py}): left is {@code model_a}. Voters are not exported, not even hashed.
 */
@RegisterForReflection
@JsonPropertyOrder({"question_id", "model_a", "model_b", "winner", "tstamp", "anony", "turn", "category",
        "match_id", "vote_id"})
public record FastChatBattle(@JsonProperty("question_id") String questionId,
                             @JsonProperty("model_a") String modelA,
                             @JsonProperty("model_b") String modelB,
                             @JsonProperty("winner") String winner,
                             @JsonProperty("tstamp") double tstamp,
                             @JsonProperty("anony") boolean anony,
                             @JsonProperty("turn") int turn,
                             @JsonProperty("category") String category,
                             @JsonProperty("match_id") String matchId,
                             @JsonProperty("vote_id") long voteId) {
}
