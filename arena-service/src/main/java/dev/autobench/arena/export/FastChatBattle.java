package dev.autobench.arena.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One line of the votes export, in FastChat's battle format (as read by its
 * {@code elo_analysis.py}): left is {@code model_a}. Voters are not exported, not even hashed.
 *
 * <p>{@code autobench_checks} is AutoBench's extension: the acceptance-check results of each side's page. FastChat's
 * tools read only the columns they know and ignore it; it is absent when neither side's page was checked.
 */
@RegisterForReflection
@JsonPropertyOrder({"question_id", "model_a", "model_b", "winner", "tstamp", "anony", "turn", "category",
        "match_id", "vote_id", "autobench_checks"})
public record FastChatBattle(@JsonProperty("question_id") String questionId,
                             @JsonProperty("model_a") String modelA,
                             @JsonProperty("model_b") String modelB,
                             @JsonProperty("winner") String winner,
                             @JsonProperty("tstamp") double tstamp,
                             @JsonProperty("anony") boolean anony,
                             @JsonProperty("turn") int turn,
                             @JsonProperty("category") String category,
                             @JsonProperty("match_id") String matchId,
                             @JsonProperty("vote_id") long voteId,
                             @JsonProperty("autobench_checks")
                             @JsonInclude(JsonInclude.Include.NON_NULL) Checks checks) {

    /** The check results of both sides; a side whose page was not checked is null. */
    @RegisterForReflection
    @JsonPropertyOrder({"model_a", "model_b"})
    public record Checks(@JsonProperty("model_a") @JsonInclude(JsonInclude.Include.ALWAYS) Side modelA,
                         @JsonProperty("model_b") @JsonInclude(JsonInclude.Include.ALWAYS) Side modelB) {
    }

    /** One side: checks passed of the task's total, and the ids of those that did not pass. */
    @RegisterForReflection
    @JsonPropertyOrder({"passed", "total", "failed"})
    public record Side(@JsonProperty("passed") int passed, @JsonProperty("total") int total,
                       @JsonProperty("failed") java.util.List<String> failed) {
    }
}
