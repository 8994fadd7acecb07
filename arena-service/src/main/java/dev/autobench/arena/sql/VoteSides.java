package dev.autobench.arena.sql;

/**
 * The SQL from a vote to what it judged: its match ({@code m}), task ({@code t}) and each side's
 * submission ({@code ls}, {@code rs}) and model ({@code lm}, {@code rm}). Votes are aliased {@code v}.
 */
public final class VoteSides {

    public static final String FROM_VOTES = """
            FROM votes v
            JOIN matches m ON m.id = v.match_id
            JOIN tasks t ON t.id = m.task_id
            JOIN submissions ls ON ls.id = m.left_submission_id
            JOIN submissions rs ON rs.id = m.right_submission_id
            JOIN models lm ON lm.id = ls.model_id
            JOIN models rm ON rm.id = rs.model_id
            """;

    private VoteSides() {
    }
}
