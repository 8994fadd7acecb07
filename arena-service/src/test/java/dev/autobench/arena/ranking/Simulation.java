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

    /**
     * Battles with one covariate, log2 of the code length: model k writes code of about
     * {@code typicalLog2Length[k]} (± 1 doubling, uniformly, per solution), and every doubling of the
     * length difference adds {@code eloPerDoubling} to the longer side's rating, whichever model
     * wrote it. The left side gets {@code leftAdvantage} Elo points more; sides are drawn at random.
     */
    static Battles styledBattles(double[] ratings, double[] typicalLog2Length, double eloPerDoubling,
                                 double leftAdvantage, int votes, SplittableRandom random) {
        int m = ratings.length;
        Battles battles = new Battles(m, votes, 1);
        for (int k = 0; k < votes; k++) {
            int a = random.nextInt(m);
            int b = random.nextInt(m - 1);
            if (b >= a) {
                b++;
            }
            double lengthA = typicalLog2Length[a] + 2 * random.nextDouble() - 1;
            double lengthB = typicalLog2Length[b] + 2 * random.nextDouble() - 1;
            double difference = lengthA - lengthB;
            double elo = ratings[a] - ratings[b] + eloPerDoubling * difference + leftAdvantage;
            double pA = 1 / (1 + Math.pow(10, -elo / 400));
            battles.add(a, b, random.nextDouble() < pA ? Outcome.A_WINS : Outcome.B_WINS, difference);
        }
        return battles;
    }

    /** Battles without covariates whose left side gets {@code leftAdvantage} Elo points; model A is left. */
    static Battles leftBiasedBattles(double[] ratings, double leftAdvantage, int votes, SplittableRandom random) {
        int m = ratings.length;
        Battles battles = new Battles(m, votes);
        for (int k = 0; k < votes; k++) {
            int a = random.nextInt(m);
            int b = random.nextInt(m - 1);
            if (b >= a) {
                b++;
            }
            double pA = 1 / (1 + Math.pow(10, -(ratings[a] - ratings[b] + leftAdvantage) / 400));
            battles.add(a, b, random.nextDouble() < pA ? Outcome.A_WINS : Outcome.B_WINS);
        }
        return battles;
    }
}
