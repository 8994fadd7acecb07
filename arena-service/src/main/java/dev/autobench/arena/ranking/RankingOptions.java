package dev.autobench.arena.ranking;

/**
 * @param bootstrapRounds rounds of multinomial resampling for the 95% intervals (0: no intervals)
 * @param seed            makes the intervals a pure function of the votes
 * @param eloK            K factor of the online Elo shown for comparison
 * @param positionCorrection whether the style-controlled ratings also hold the left side's advantage
 *                        equal when its 95% interval excludes 0
 */
public record RankingOptions(int bootstrapRounds, long seed, double eloK, boolean positionCorrection) {

    public RankingOptions(int bootstrapRounds, long seed, double eloK) {
        this(bootstrapRounds, seed, eloK, true);
    }

    public RankingOptions {
        if (bootstrapRounds < 0) {
            throw new IllegalArgumentException("bootstrapRounds must be >= 0");
        }
    }

    public static RankingOptions defaults() {
        return new RankingOptions(1000, 20240601L, 4);
    }
}
