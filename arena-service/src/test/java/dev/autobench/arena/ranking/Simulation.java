package dev.autobench.arena.ranking;

import java.util.SplittableRandom;

/** Battles drawn from a known Bradley–Terry model, for tests and the benchmark. */
final class Simulation {

    private Simulation() {
    }

    /** Ratings on the Elo scale, mean 1000, evenly spread over ±{@code spread}. */
    static double[] evenRatings(int models, double spread) {
        double[] ratings = new double[models];
        for (int i = 0; i < models; i++) {
            ratings[i] = models == 1 ? 1000 : 1000 - spread + 2 * spread * i / (models - 1);
        }
        return ratings;
    }

    /**
     * {@code votes} battles between uniformly drawn pairs; A beats B with the Bradley–Terry
     * probability of the true ratings, and a {@code tieShare} of battles are ties instead.
     */
    static Battles battles(double[] ratings, int votes, double tieShare, SplittableRandom random) {
        int m = ratings.length;
        Battles battles = new Battles(m, votes);
        for (int k = 0; k < votes; k++) {
            int a = random.nextInt(m);
            int b = random.nextInt(m - 1);
            if (b >= a) {
                b++;
            }
            if (random.nextDouble() < tieShare) {
                battles.add(a, b, random.nextBoolean() ? Outcome.TIE : Outcome.BOTH_BAD);
                continue;
            }
            double pA = 1 / (1 + Math.pow(10, (ratings[b] - ratings[a]) / 400));
            battles.add(a, b, random.nextDouble() < pA ? Outcome.A_WINS : Outcome.B_WINS);
        }
        return battles;
    }
}
