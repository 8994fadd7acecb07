package dev.autobench.arena.leaderboard;

import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.arena.ranking.Battles;
import dev.autobench.arena.ranking.Outcome;
import dev.autobench.arena.ranking.RankingEngine;
import dev.autobench.arena.ranking.RankingOptions;
import dev.autobench.arena.ranking.PositionBias;
import dev.autobench.arena.ranking.RankingResult;
import dev.autobench.arena.ranking.StyleBoard;
import dev.autobench.arena.ranking.StyleCovariate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** Turns the votes and the pipeline's figures into one leaderboard per category plus 'all'. */
@ApplicationScoped
public class LeaderboardComputer {

    @Inject
    LeaderboardSource source;

    @Inject
    ArenaConfig config;

    Clock clock = Clock.systemUTC();

    /**
     * Boards by category ('all' first), each listing the categories that have a board. Only tasks
     * whose arena window has closed at the computation's instant count (their votes are exactly
     * what the public export carries then), so the board reveals nothing about an open match.
     */
    public Map<String, Leaderboard> compute() {
        Instant computedAt = clock.instant();
        Instant cutoff = computedAt.minus(config.window());
        List<LeaderboardSource.ModelRow> models = source.models();
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            index.put(models.get(i).id(), i);
        }
        Map<String, List<int[]>> votesByCategory = new HashMap<>();
        List<int[]> all = new ArrayList<>();
        List<StyleCovariate> covariates = config.leaderboard().style().covariates();
        Map<UUID, LeaderboardSource.StyleRow> styles = covariates.isEmpty() ? Map.of() : source.styles(cutoff);
        StyleDifferences differences = new StyleDifferences(covariates.size());
        source.countedVotes(cutoff, vote -> {
            Integer left = index.get(vote.leftModel());
            Integer right = index.get(vote.rightModel());
            if (left == null || right == null || left.equals(right)) {
                return;
            }
            int[] battle = {left, right, outcome(vote.outcome()).ordinal(),
                    differences.add(covariates, styles.get(vote.leftSubmission()), styles.get(vote.rightSubmission()))};
            all.add(battle);
            votesByCategory.computeIfAbsent(vote.category(), c -> new ArrayList<>()).add(battle);
        });
        Map<String, List<LeaderboardSource.PipelineRow>> pipelineByCategory = new HashMap<>();
        List<LeaderboardSource.PipelineRow> pipeline = source.pipeline(cutoff);
        for (LeaderboardSource.PipelineRow row : pipeline) {
            pipelineByCategory.computeIfAbsent(row.category(), c -> new ArrayList<>()).add(row);
        }
        TreeSet<String> categories = new TreeSet<>(votesByCategory.keySet());
        categories.addAll(pipelineByCategory.keySet());
        categories.remove(LeaderboardSnapshot.ALL);
        List<String> categoryList = List.copyOf(categories);

        RankingEngine engine = new RankingEngine(new RankingOptions(config.leaderboard().bootstrapRounds(),
                config.leaderboard().bootstrapSeed(), config.leaderboard().eloK(),
                config.leaderboard().style().positionCorrection()));
        Boards boards = new Boards(computedAt, categoryList, models, index, engine, covariates, differences);
        Map<String, Leaderboard> byCategory = new LinkedHashMap<>();
        byCategory.put(LeaderboardSnapshot.ALL, board(boards, LeaderboardSnapshot.ALL, all, pipeline));
        for (String category : categoryList) {
            byCategory.put(category, board(boards, category, votesByCategory.getOrDefault(category, List.of()),
                    pipelineByCategory.getOrDefault(category, List.of())));
        }
        return byCategory;
    }

    /** What every board of one computation shares: the instant, the categories, the models and the ranking. */
    private record Boards(Instant computedAt, List<String> categories, List<LeaderboardSource.ModelRow> models,
                          Map<UUID, Integer> index, RankingEngine engine, List<StyleCovariate> covariates,
                          StyleDifferences differences) {
    }

    private Leaderboard board(Boards boards, String category, List<int[]> votes,
                              List<LeaderboardSource.PipelineRow> pipeline) {
        List<LeaderboardSource.ModelRow> models = boards.models();
        Map<UUID, Integer> index = boards.index();
        List<StyleCovariate> covariates = boards.covariates();
        StyleDifferences differences = boards.differences();
        // the board lists models that were voted on or answered a task in this category
        int[] local = new int[models.size()];
        Arrays.fill(local, -1);
        List<Integer> members = new ArrayList<>();
        for (int[] vote : votes) {
            for (int side = 0; side < 2; side++) {
                if (local[vote[side]] < 0) {
                    local[vote[side]] = members.size();
                    members.add(vote[side]);
                }
            }
        }
        Map<Integer, PipelineTotals> totals = new HashMap<>();
        for (LeaderboardSource.PipelineRow row : pipeline) {
            Integer global = index.get(row.model());
            if (global == null) {
                continue;
            }
            if (local[global] < 0) {
                local[global] = members.size();
                members.add(global);
            }
            totals.computeIfAbsent(global, g -> new PipelineTotals()).add(row);
        }
        Battles battles = new Battles(members.size(), votes.size(), covariates.size());
        Outcome[] outcomes = Outcome.values();
        for (int[] vote : votes) {
            if (covariates.isEmpty()) {
                battles.add(local[vote[0]], local[vote[1]], outcomes[vote[2]]);
            } else {
                battles.add(local[vote[0]], local[vote[1]], outcomes[vote[2]], differences.of(vote[3]));
            }
        }
        RankingResult result = boards.engine().compute(battles);

        Integer[] order = new Integer[members.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // ranked by rating, then the not yet comparable by votes, then the models without votes
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> result.rated(i) ? 0 : result.notYetComparable(i) ? 1 : 2)
                .thenComparingDouble(i -> result.rated(i) ? -result.rating()[i] : -result.games()[i])
                .thenComparing(i -> models.get(members.get(i)).slug()));

        List<Leaderboard.Row> rows = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        for (int i : order) {
            LeaderboardSource.ModelRow model = models.get(members.get(i));
            PipelineTotals t = totals.getOrDefault(members.get(i), new PipelineTotals());
            rows.add(Leaderboard.Row.of(model, rating(result, i), t.pipeline(), styleRating(result, i)));
            slugs.add(model.slug());
        }
        List<List<Double>> winRate = new ArrayList<>();
        List<List<Long>> battleCounts = new ArrayList<>();
        for (int row : order) {
            List<Double> rates = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (int column : order) {
                double rate = result.pairWinRate(row, column);
                rates.add(row == column || Double.isNaN(rate) ? null : round4(rate));
                counts.add(result.pairBattles()[row][column]);
            }
            winRate.add(rates);
            battleCounts.add(counts);
        }
        return new Leaderboard(boards.computedAt(), category, result.battles(), result.bootstrapRounds(),
                "bradley_terry", boards.categories(), rows, new Leaderboard.Matrix(slugs, winRate, battleCounts), style(result, covariates),
                position(result.position()));
    }

    private static Leaderboard.Rating rating(RankingResult result, int i) {
        boolean rated = result.rated(i);
        return new Leaderboard.Rating(rated ? result.rank()[i] : null, rated ? round(result.rating()[i]) : null,
                rated ? round(result.ciLow()[i]) : null, rated ? round(result.ciHigh()[i]) : null,
                result.games()[i], result.wins()[i], result.losses()[i], result.ties()[i],
                rated ? round4(result.winRate(i)) : null, rated ? round(result.onlineElo()[i]) : null,
                result.notYetComparable(i));
    }

    private static Leaderboard.StyleRating styleRating(RankingResult result, int i) {
        StyleBoard style = result.style();
        if (style == null || !result.rated(i)) {
            return Leaderboard.StyleRating.NONE;
        }
        return new Leaderboard.StyleRating(style.rank()[i], round(style.rating()[i]), round(style.ciLow()[i]),
                round(style.ciHigh()[i]));
    }

    private static Leaderboard.Style style(RankingResult result, List<StyleCovariate> covariates) {
        StyleBoard style = result.style();
        if (style == null) {
            return null;
        }
        List<Leaderboard.Effect> effects = new ArrayList<>();
        for (int k = 0; k < covariates.size(); k++) {
            StyleCovariate covariate = covariates.get(k);
            effects.add(new Leaderboard.Effect(covariate.key(), covariate.description(), covariate.unit(),
                    finite(style.effect()[k]), finite(style.effectLow()[k]), finite(style.effectHigh()[k])));
        }
        return new Leaderboard.Style(style.positionCorrected(), effects);
    }

    private static Leaderboard.Position position(PositionBias position) {
        return new Leaderboard.Position(position.leftWins(), position.rightWins(), position.ties(),
                Double.isNaN(position.leftWinRate()) ? null : round4(position.leftWinRate()), finite(position.effect()),
                finite(position.ciLow()), finite(position.ciHigh()), position.significant(), position.corrected());
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? round(value) : null;
    }

    /**
     * The covariate differences (left − right) of every vote, in one growing array, indexed by the
     * vote's position; a covariate unknown on either side counts as no difference.
     */
    static final class StyleDifferences {
        private final int width;
        private double[] values = new double[0];
        private int size;

        StyleDifferences(int width) {
            this.width = width;
        }

        int add(List<StyleCovariate> covariates, LeaderboardSource.StyleRow left, LeaderboardSource.StyleRow right) {
            if (width == 0) {
                return size++;
            }
            if ((size + 1) * width > values.length) {
                values = Arrays.copyOf(values, Math.max(1024, values.length * 2));
            }
            for (int k = 0; k < width; k++) {
                double l = left == null ? Double.NaN : left.value(covariates.get(k));
                double r = right == null ? Double.NaN : right.value(covariates.get(k));
                values[size * width + k] = Double.isNaN(l) || Double.isNaN(r) ? 0 : l - r;
            }
            return size++;
        }

        double[] of(int vote) {
            return Arrays.copyOfRange(values, vote * width, (vote + 1) * width);
        }
    }

    static Outcome outcome(dev.autobench.arena.voting.VoteOutcome outcome) {
        return switch (outcome) {
            case LEFT -> Outcome.A_WINS;
            case RIGHT -> Outcome.B_WINS;
            case TIE -> Outcome.TIE;
            case BOTH_BAD -> Outcome.BOTH_BAD;
        };
    }

    private static Double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static Double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    /** A model's pipeline sums over the categories of one board. */
    private static final class PipelineTotals {
        long submissions;
        long rendered;
        long jsErrors;
        BigDecimal cost = BigDecimal.ZERO;
        long costCount;
        long latency;
        long latencyCount;
        long outputTokens;
        long outputTokensCount;

        void add(LeaderboardSource.PipelineRow row) {
            submissions += row.submissions();
            rendered += row.rendered();
            jsErrors += row.jsErrors();
            cost = cost.add(row.costSum());
            costCount += row.costCount();
            latency += row.latencySum();
            latencyCount += row.latencyCount();
            outputTokens += row.outputTokensSum();
            outputTokensCount += row.outputTokensCount();
        }

        Leaderboard.Pipeline pipeline() {
            return new Leaderboard.Pipeline(renderSuccessRate(), meanJsErrors(), meanCost(), meanLatency(),
                    meanOutputTokens(), submissions);
        }

        Double renderSuccessRate() {
            return submissions == 0 ? null : round4((double) rendered / submissions);
        }

        Double meanJsErrors() {
            return rendered == 0 ? null : round4((double) jsErrors / rendered);
        }

        BigDecimal meanCost() {
            return costCount == 0 ? null
                    : cost.divide(BigDecimal.valueOf(costCount), new MathContext(12, RoundingMode.HALF_EVEN))
                    .setScale(6, RoundingMode.HALF_EVEN);
        }

        Double meanLatency() {
            return latencyCount == 0 ? null : round((double) latency / latencyCount);
        }

        Double meanOutputTokens() {
            return outputTokensCount == 0 ? null : round((double) outputTokens / outputTokensCount);
        }
    }
}
