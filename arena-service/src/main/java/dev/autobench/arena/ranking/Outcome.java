package dev.autobench.arena.ranking;

/**
 * A battle's result from model A's side. Ties and "both bad" both count half a win to each side
 * in Bradley–Terry and Elo, as FastChat does; they stay distinct for the counts.
 */
public enum Outcome {
    A_WINS, B_WINS, TIE, BOTH_BAD
}
