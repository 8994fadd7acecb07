package dev.autobench.arena.ranking;

/**
 * @param bootstrapRounds rounds of multinomial resampling for the 95% intervals (0: no intervals)
 * @param seed            makes the intervals a pure function of the votes
 * @param eloK            K factor of the online Elo shown for comparison
 */
public record RankingOptions(int bootstrapRounds, long seed, double eloK) {

    public RankingOptions {
        if (bootstrapRounds < 0) {
            throw new IllegalArgumentException("bootstrapRounds must be >= 0");
        }
    }

    public static RankingOptions defaults() {
        return new RankingOptions(1000, 20240601L, 4);
    }
}
