package dev.autobench.arena.leaderboard;

import dev.autobench.arena.ranking.Battles;
import dev.autobench.arena.ranking.Outcome;
import dev.autobench.arena.ranking.RankingEngine;
import dev.autobench.arena.ranking.RankingOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

/**
 * Prints what the windowed boards add to a recompute: a year of votes (1M by default, spread evenly
 * over 365 task days, 50 models, the arena's four style covariates), the board of every day at 1000
 * bootstrap rounds beside the 7d/30d/90d boards at 200 rounds (what the arena computes) and at 1000
 * (what it would cost without the reduction), and one run of the history (31 days of 30-day boards,
 * plain, 100 rounds). CPU time of the process, best of 3. Not part of the default run:
 * {@code ./mvnw -o -pl arena-service -am test -Dgroups=benchmark -Darena.excludedGroups=none
 * -Dtest=WindowedBoardsBenchmark -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dvotes=}, {@code -Dmodels=}).
 */
@Tag("benchmark")
class WindowedBoardsBenchmark {

    private static final int DAYS = 365;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    @Test
    void whatTheWindowsAndTheHistoryAddToARecompute() {
        int votes = Integer.getInteger("votes", 1_000_000);
        int models = Integer.getInteger("models", 50);
        SplittableRandom random = new SplittableRandom(7);
        double[] strength = new double[models];
        for (int i = 0; i < models; i++) {
            strength[i] = (i - models / 2.0) * 400.0 / models;
        }
        int[] a = new int[votes];
        int[] b = new int[votes];
        byte[] outcome = new byte[votes];
        double[][] covariates = new double[votes][4];
        for (int v = 0; v < votes; v++) {
            a[v] = random.nextInt(models);
            do {
                b[v] = random.nextInt(models);
            } while (b[v] == a[v]);
            double p = 1 / (1 + Math.pow(10, (strength[b[v]] - strength[a[v]]) / 400));
            double u = random.nextDouble();
            outcome[v] = (byte) (u < 0.1 ? Outcome.TIE.ordinal() : random.nextDouble() < p ? 0 : 1);
            for (int k = 0; k < 4; k++) {
                covariates[v][k] = random.nextGaussian() * (k % 2 == 0 ? 1 : 0.5);
            }
        }
        System.out.printf("%nwindowed boards: %d votes over %d days, %d models, 4 covariates, %d cores%n", votes, DAYS,
                models, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-34s %10s %14s%n", "board", "votes", "best cpu (ms)");
        // warm the JIT
        cpu(() -> new RankingEngine(options(200)).compute(styled(a, b, outcome, covariates, models, votes - 50_000, votes)));
        long all = report("every day, 1000 rounds", votes, () -> new RankingEngine(options(1000))
                .compute(styled(a, b, outcome, covariates, models, 0, votes)));
        long reduced = 0;
        long full = 0;
        for (int days : new int[] {7, 30, 90}) {
            int from = votes - (int) ((long) votes * days / DAYS);
            reduced += report(days + "d, 200 rounds", votes - from, () -> new RankingEngine(options(200))
                    .compute(styled(a, b, outcome, covariates, models, from, votes)));
            full += report(days + "d, 1000 rounds", votes - from, () -> new RankingEngine(options(1000))
                    .compute(styled(a, b, outcome, covariates, models, from, votes)));
        }
        int perDay = votes / DAYS;
        long history = report("history run: 31 days x 30d, 100 rounds", 30L * perDay, () -> {
            for (int day = 0; day < 31; day++) {
                int to = votes - day * perDay;
                Battles battles = new Battles(models, 30 * perDay);
                for (int v = Math.max(0, to - 30 * perDay); v < to; v++) {
                    battles.add(a[v], b[v], Outcome.values()[outcome[v]]);
                }
                new RankingEngine(new RankingOptions(100, 1, 4, false)).compute(battles);
            }
        });
        System.out.printf("windows at 200 rounds add %.2f x the board of every day (%.2f x at 1000 rounds); "
                + "a history run of 31 days costs %.2f x it%n", (double) reduced / all, (double) full / all,
                (double) history / all);
    }

    private static RankingOptions options(int rounds) {
        return new RankingOptions(rounds, 1, 4, true);
    }

    private static Battles styled(int[] a, int[] b, byte[] outcome, double[][] covariates, int models, int from, int to) {
        Battles battles = new Battles(models, to - from, 4);
        for (int v = from; v < to; v++) {
            battles.add(a[v], b[v], Outcome.values()[outcome[v]], covariates[v]);
        }
        return battles;
    }

    private static long report(String name, long votes, Runnable work) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            best = Math.min(best, cpu(work));
        }
        System.out.printf("%-34s %10d %14d%n", name, votes, best);
        return best;
    }

    private static long cpu(Runnable work) {
        long started = OS.getProcessCpuTime();
        work.run();
        return (OS.getProcessCpuTime() - started) / 1_000_000;
    }
}
