package dev.autobench.arena.service;

import dev.autobench.arena.domain.Leaderboard;
import dev.autobench.arena.ranking.ExpectedInformation;
import dev.autobench.arena.repository.MatchRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses, among the least-voted matches a voter may still judge, the one whose vote is expected
 * to teach the board the most ({@link ExpectedInformation}, from the served board's ratings and
 * intervals; a model not on it counts as unknown, so it comes first). The candidates are the
 * least-voted matches (random among equals), so coverage stays balanced and priority decides among
 * them; the first of equal priorities wins, so a pair's matches on different tasks rotate. The board
 * counts only closed tasks, so the priorities change once a day: the vote-count order is what spreads
 * a day's votes. Cheap: one pass over a few dozen candidates and the board already in memory.
 */
@ApplicationScoped
public class MatchPriority {

    /** How many least-voted matches are weighed per request. */
    static final int CANDIDATES = 32;

    @Inject
    LeaderboardService leaderboards;

    public Optional<MatchRepository.Servable> choose(List<MatchRepository.Servable> candidates) {
        if (candidates.size() <= 1) {
            return candidates.stream().findFirst();
        }
        Map<String, Integer> index = new HashMap<>();
        for (MatchRepository.Servable candidate : candidates) {
            index.putIfAbsent(candidate.leftModel(), index.size());
            index.putIfAbsent(candidate.rightModel(), index.size());
        }
        double[] rating = new double[index.size()];
        double[] low = new double[index.size()];
        double[] high = new double[index.size()];
        java.util.Arrays.fill(rating, Double.NaN);
        java.util.Arrays.fill(low, Double.NaN);
        java.util.Arrays.fill(high, Double.NaN);
        leaderboards.board(null).ifPresent(served -> {
            for (Leaderboard.Row row : served.board().models()) {
                Integer k = index.get(row.model());
                if (k != null && row.rating() != null && row.ciLow() != null && row.ciHigh() != null) {
                    rating[k] = row.rating();
                    low[k] = row.ciLow();
                    high[k] = row.ciHigh();
                }
            }
        });
        ExpectedInformation information = ExpectedInformation.fromIntervals(rating, low, high);
        MatchRepository.Servable best = candidates.get(0);
        double bestPriority = Double.NEGATIVE_INFINITY;
        for (MatchRepository.Servable candidate : candidates) {
            double priority = information.priority(index.get(candidate.leftModel()), index.get(candidate.rightModel()));
            if (priority > bestPriority) {
                bestPriority = priority;
                best = candidate;
            }
        }
        return Optional.of(best);
    }
}
