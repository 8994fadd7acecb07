package dev.autobench.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A second, deliberately plain Bradley–Terry fit (Hunter's MM algorithm) over FastChat battle
 * records, so the test checks the service's leaderboard against an implementation it shares no
 * code with. Ties and "both bad" count half a win to each side, as FastChat does.
 */
final class IndependentBradleyTerry {

    record Battle(String modelA, String modelB, String winner) {
    }

    private IndependentBradleyTerry() {
    }

    /** Ratings on the Elo scale (400 / ln 10 per unit of log-strength), centred on a mean of 1000. */
    static Map<String, Double> ratings(List<Battle> battles) {
        List<String> models = new ArrayList<>(new TreeSet<>(battles.stream()
                .flatMap(b -> java.util.stream.Stream.of(b.modelA(), b.modelB())).toList()));
        int n = models.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(models.get(i), i);
        }
        double[] wins = new double[n];
        double[][] games = new double[n][n];
        for (Battle b : battles) {
            int a = index.get(b.modelA());
            int c = index.get(b.modelB());
            games[a][c]++;
            games[c][a]++;
            switch (b.winner()) {
                case "model_a" -> wins[a] += 1;
                case "model_b" -> wins[c] += 1;
                default -> {
                    wins[a] += 0.5;
                    wins[c] += 0.5;
                }
            }
        }
        double[] p = new double[n];
        java.util.Arrays.fill(p, 1.0);
        for (int iteration = 0; iteration < 100_000; iteration++) {
            double change = 0;
            for (int i = 0; i < n; i++) {
                double denominator = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i && games[i][j] > 0) {
                        denominator += games[i][j] / (p[i] + p[j]);
                    }
                }
                double next = denominator == 0 ? p[i] : wins[i] / denominator;
                change = Math.max(change, Math.abs(Math.log(next) - Math.log(p[i])));
                p[i] = next;
            }
            double logMean = java.util.Arrays.stream(p).map(Math::log).average().orElse(0);
            for (int i = 0; i < n; i++) {
                p[i] = Math.exp(Math.log(p[i]) - logMean);
            }
            if (change < 1e-12) {
                break;
            }
        }
        Map<String, Double> ratings = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ratings.put(models.get(i), 1000 + 400 / Math.log(10) * Math.log(p[i]));
        }
        return ratings;
    }
}
