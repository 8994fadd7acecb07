package dev.autobench.arena.matches;

import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.arena.ranking.ExpectedInformation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntToDoubleFunction;
import java.util.function.Predicate;

/**
 * Which match a voter is served next, among the open ones they may still judge. This is the one
 * place the serving order is decided.
 *
 * <p>By expected information (the default): the match whose pair of models one more vote teaches
 * the served board the most about ({@link PairValues}), each pair's value falling with the votes
 * its open matches got (none of them is in the board yet, which counts closed tasks only), so that
 * the votes between two board recomputes spread over the valuable pairs instead of all going to the
 * best one. A model the board does not know yet counts with the prior's variance: its pairs are
 * worth much until they have had votes. Among equal values the least voted
 * match, then one at random. Without a board, or with one that knows no pair of the open matches' models
 * (the roster changed whole): least voted first.
 *
 * <p>Least voted ({@code autobench.arena.serving.order=least-voted}): the least voted first, at
 * random among equals, so that votes spread evenly over the pairs.
 *
 * <p>Per request it is two passes over the open matches with array lookups only: the pairs' vote
 * sums, then the choice. Which pair each match is, and its a and b, are worked out once per set
 * of open matches and board.
 */
@ApplicationScoped
public class MatchOrder {

    @Inject
    ArenaConfig config;

    @Inject
    PairValues values;

    /** The open matches' pairs under one board: pair[k] of open.get(k), -1 for a match without two known models. */
    private record Indexed(List<OpenMatch> open, PairValues.Figures figures, int[] pair, double[] a, double[] b,
                           boolean boardKnowsAPair) {
    }

    private volatile Indexed indexed;

    public Optional<OpenMatch> pick(List<OpenMatch> open, Predicate<OpenMatch> eligible) {
        PairValues.Figures figures = values.current();
        if (figures == null || config.serving().order() == ArenaConfig.Serving.Order.LEAST_VOTED) {
            return leastVoted(open, eligible);
        }
        Indexed index = indexed(open, figures);
        if (!index.boardKnowsAPair()) {
            // a board of other models (the roster changed whole): it says nothing of these pairs
            return leastVoted(open, eligible);
        }
        int[] since = new int[index.a().length];
        for (int k = 0; k < open.size(); k++) {
            int pair = index.pair()[k];
            if (pair >= 0) {
                since[pair] += open.get(k).voteCount();
            }
        }
        return best(open, eligible, k -> {
            int pair = index.pair()[k];
            return pair < 0 ? 0 : ExpectedInformation.value(index.a()[pair], index.b()[pair], since[pair]);
        });
    }

    /** Least voted first: every match is worth the same, so the votes decide. */
    private static Optional<OpenMatch> leastVoted(List<OpenMatch> open, Predicate<OpenMatch> eligible) {
        return best(open, eligible, k -> 0);
    }

    /** The eligible match of the highest value (by its index in {@code open}), the least voted among equals, then at random. */
    private static Optional<OpenMatch> best(List<OpenMatch> open, Predicate<OpenMatch> eligible, IntToDoubleFunction valueOf) {
        OpenMatch chosen = null;
        double best = Double.NEGATIVE_INFINITY;
        int fewest = Integer.MAX_VALUE;
        int ties = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int k = 0; k < open.size(); k++) {
            OpenMatch match = open.get(k);
            double value = valueOf.applyAsDouble(k);
            int votes = match.voteCount();
            if (value < best || (value == best && votes > fewest) || !eligible.test(match)) {
                continue;
            }
            if (value > best || votes < fewest) {
                best = value;
                fewest = votes;
                chosen = match;
                ties = 1;
            } else if (random.nextInt(++ties) == 0) {
                // reservoir sampling: each of the equal candidates is chosen with equal odds
                chosen = match;
            }
        }
        return Optional.ofNullable(chosen);
    }

    /** Whether the board knows {@code slug}; a model it does not know is added to {@code newModels}. */
    private static boolean knownOrAdd(PairValues.Figures board, String slug, Set<String> newModels) {
        if (slug == null) {
            return false;
        }
        if (board.of(slug) >= 0) {
            return true;
        }
        newModels.add(slug);
        return false;
    }

    private Indexed indexed(List<OpenMatch> open, PairValues.Figures board) {
        Indexed current = indexed;
        if (current != null && current.open() == open && current.figures() == board) {
            return current;
        }
        Set<String> newModels = new LinkedHashSet<>();
        boolean boardKnowsAPair = false;
        for (OpenMatch match : open) {
            boolean leftKnown = knownOrAdd(board, match.leftModel(), newModels);
            boolean rightKnown = knownOrAdd(board, match.rightModel(), newModels);
            boardKnowsAPair |= leftKnown && rightKnown;
        }
        PairValues.Figures figures = newModels.isEmpty() ? board : board.with(newModels);
        ExpectedInformation information = figures.information();
        int[] pair = new int[open.size()];
        Map<Long, Integer> compact = new HashMap<>();
        double[] a = new double[Math.max(open.size(), 1)];
        double[] b = new double[a.length];
        for (int k = 0; k < open.size(); k++) {
            OpenMatch match = open.get(k);
            int i = figures.of(match.leftModel());
            int j = figures.of(match.rightModel());
            if (i < 0 || j < 0 || i == j) {
                pair[k] = -1;
                continue;
            }
            long key = (long) Math.min(i, j) * information.models() + Math.max(i, j);
            int id = compact.computeIfAbsent(key, x -> compact.size());
            a[id] = information.a(i, j);
            b[id] = information.b(i, j);
            pair[k] = id;
        }
        Indexed next = new Indexed(open, board, pair, java.util.Arrays.copyOf(a, compact.size()),
                java.util.Arrays.copyOf(b, compact.size()), boardKnowsAPair);
        indexed = next;
        return next;
    }
}
