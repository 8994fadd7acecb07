package dev.autobench.arena.ranking;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

/**
 * Prints how long the whole leaderboard computation takes with style control on: plain
 * Bradley–Terry with its bootstrap, the left side's advantage, and Bradley–Terry with four
 * covariates (the arena's: code length, external libraries, JS errors, render time) with its
 * bootstrap, for 1M votes over 50 and 200 models, 1000 rounds; and 200 models plus a new one with 50
 * votes, which keeps the resampling bootstrap (see {@link LinearisedBootstrap}). Not part of the default run:
 * {@code ./mvnw -o -pl arena-service test -Dgroups=benchmark -Darena.excludedGroups=none
 * -Dtest=StyleControlBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class StyleControlBenchmark {

    @Test
    void styleControlledLeaderboardComputationTime() {
        RankingOptions options = new RankingOptions(Integer.getInteger("rounds", 1000), 1, 4);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("%nstyle-controlled leaderboard computation, 4 covariates, %d bootstrap rounds, %d cores%n",
                options.bootstrapRounds(), Runtime.getRuntime().availableProcessors());
        System.out.printf("%10s %7s %16s %16s %16s %18s%n", "votes", "models", "first wall (ms)", "best wall (ms)",
                "best cpu (ms)", "plain only (ms)");
        new RankingEngine(options).compute(battles(50, 100_000, new SplittableRandom(0)));
        // models, and the votes of a newly added model (0: none)
        for (int[] board : new int[][] {{50, 0}, {200, 0}, {200, 50}}) {
            int models = board[0];
            int newcomerVotes = board[1];
            int votes = Integer.getInteger("votes", 1_000_000);
            Battles battles = battles(models, votes, new SplittableRandom(models));
            Battles plain = Simulation.battles(Simulation.evenRatings(models, 400), votes, 0.1,
                    new SplittableRandom(models));
            if (newcomerVotes > 0) {
                battles = withNewcomer(battles, newcomerVotes, new SplittableRandom(7), true);
                plain = withNewcomer(plain, newcomerVotes, new SplittableRandom(7), false);
            }
            long first = 0;
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            long bestPlain = Long.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                long cpu = os.getProcessCpuTime();
                long started = System.nanoTime();
                RankingResult result = new RankingEngine(options).compute(battles);
                long elapsed = (System.nanoTime() - started) / 1_000_000;
                bestCpu = Math.min(bestCpu, (os.getProcessCpuTime() - cpu) / 1_000_000);
                if (result.style() == null) {
                    throw new AssertionError("no style-controlled board");
                }
                if (run == 0) {
                    first = elapsed;
                }
                best = Math.min(best, elapsed);
                long plainStarted = System.nanoTime();
                new RankingEngine(options).compute(plain);
                bestPlain = Math.min(bestPlain, (System.nanoTime() - plainStarted) / 1_000_000);
            }
            System.out.printf("%10d %7s %16d %16d %16d %18d%n", votes,
                    newcomerVotes > 0 ? models + "+1 new (" + newcomerVotes + " votes)" : String.valueOf(models),
                    first, best, bestCpu, bestPlain);
        }
    }

    /** The same votes and a new model (the last index) that won 4 of 5 of {@code votes} votes against random others. */
    static Battles withNewcomer(Battles battles, int votes, SplittableRandom random, boolean covariates) {
        int m = battles.modelCount() + 1;
        Battles more = new Battles(m, battles.size() + votes, battles.covariateCount());
        for (int k = 0; k < battles.size(); k++) {
            if (covariates) {
                more.add(battles.a(k), battles.b(k), battles.outcome(k), battles.covariates(k));
            } else {
                more.add(battles.a(k), battles.b(k), battles.outcome(k));
            }
        }
        for (int k = 0; k < votes; k++) {
            int other = random.nextInt(m - 1);
            Outcome outcome = random.nextDouble() < 0.8 ? Outcome.A_WINS : Outcome.B_WINS;
            if (covariates) {
                more.add(m - 1, other, outcome, random.nextDouble() - 0.5, 0, 0, random.nextDouble() - 0.5);
            } else {
                more.add(m - 1, other, outcome);
            }
        }
        return more;
    }

    /** Votes between uniformly drawn pairs with four covariate differences drawn like the arena's. */
    static Battles battles(int models, int votes, SplittableRandom random) {
        double[] ratings = Simulation.evenRatings(models, 400);
        double[] typicalLength = new double[models];
        for (int k = 0; k < models; k++) {
            typicalLength[k] = 12 + 3 * random.nextDouble();
        }
        Battles battles = new Battles(models, votes, 4);
        for (int k = 0; k < votes; k++) {
            int a = random.nextInt(models);
            int b = random.nextInt(models - 1);
            if (b >= a) {
                b++;
            }
            double length = typicalLength[a] - typicalLength[b] + random.nextDouble() - random.nextDouble();
            double libraries = (random.nextDouble() < 0.3 ? 1 : 0) - (random.nextDouble() < 0.3 ? 1 : 0);
            double errors = (random.nextDouble() < 0.1 ? 1 : 0) - (random.nextDouble() < 0.1 ? 1 : 0);
            double renderTime = random.nextDouble() - random.nextDouble();
            double elo = ratings[a] - ratings[b] + 30 * length - 20 * errors + 10 + 5 * libraries;
            double u = random.nextDouble();
            Outcome outcome = u < 0.1 ? Outcome.TIE
                    : random.nextDouble() < 1 / (1 + Math.pow(10, -elo / 400)) ? Outcome.A_WINS : Outcome.B_WINS;
            battles.add(a, b, outcome, length, libraries, errors, renderTime);
        }
        return battles;
    }
}
