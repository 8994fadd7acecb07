package dev.autobench.arena.matches;

import dev.autobench.arena.leaderboard.Leaderboard;
import dev.autobench.arena.ranking.ExpectedInformation;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one more vote on each pair of models is worth ({@link ExpectedInformation}), computed once
 * per served board (every replica, when it loads a new batch) so that choosing a match does no
 * matrix work. The board counts closed tasks only, so every vote on an open match is one it has
 * not seen yet: {@link MatchOrder} discounts a pair by those.
 */
@ApplicationScoped
public class PairValues {

    private static final Logger LOG = Logger.getLogger(PairValues.class);

    /** The measure the simulation found to need the fewest votes (docs/benchmarks.md, "Sampling"). */
    static final ExpectedInformation.Criterion CRITERION = ExpectedInformation.Criterion.ADJACENT_DIFFERENCES;

    /**
     * The board's models by slug (their indexes in {@code information}), and their pairs' values;
     * {@code rating} and {@code games} are what the values were computed from, kept to add models.
     */
    record Figures(Map<String, Integer> index, ExpectedInformation information, double[] rating, double[] games) {

        /** The board's index of a model; -1 when the board does not know it. */
        int of(String slug) {
            Integer i = slug == null ? null : index.get(slug);
            return i == null ? -1 : i;
        }

        /**
         * These figures with models the board does not know yet (no rating, no votes: the prior's
         * variance). A new model's pairs are then worth much, but a finite amount that falls with
         * the votes they get like any other pair's, so its first days do not take every vote.
         */
        Figures with(Collection<String> newModels) {
            int m = rating.length;
            int n = m + newModels.size();
            Map<String, Integer> extended = new HashMap<>(index);
            for (String slug : newModels) {
                extended.put(slug, extended.size());
            }
            double[] r = Arrays.copyOf(rating, n);
            Arrays.fill(r, m, n, Double.NaN);
            double[] g = new double[n * n];
            for (int i = 0; i < m; i++) {
                System.arraycopy(games, i * m, g, i * n, m);
            }
            return new Figures(Map.copyOf(extended), ExpectedInformation.fromBoard(r, g, CRITERION), r, g);
        }
    }

    private volatile Figures figures;

    /** The figures of the served board; null before there is one with votes. */
    Figures current() {
        return figures;
    }

    /** Recomputes the figures from the board of every vote and category; a board without votes clears them. */
    public void update(Leaderboard board) {
        try {
            figures = board == null || board.votes() == 0 ? null : figures(board);
        } catch (RuntimeException e) {
            // serving falls back to least voted first rather than stop serving
            figures = null;
            LOG.warnf("could not compute the pairs' values from the board: %s", e.toString());
        }
    }

    private static Figures figures(Leaderboard board) {
        List<String> slugs = board.matrix().models();
        int m = slugs.size();
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < m; k++) {
            index.put(slugs.get(k), k);
        }
        double[] rating = new double[m];
        Arrays.fill(rating, Double.NaN);
        for (Leaderboard.Row row : board.models()) {
            Integer k = index.get(row.model());
            if (k != null && row.rating() != null) {
                rating[k] = row.rating();
            }
        }
        double[] games = new double[m * m];
        List<List<Long>> battles = board.matrix().battles();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                Long n = battles.get(i).get(j);
                games[i * m + j] = i == j || n == null ? 0 : n;
            }
        }
        return new Figures(Map.copyOf(index), ExpectedInformation.fromBoard(rating, games, CRITERION), rating, games);
    }
}
