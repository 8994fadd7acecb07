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
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    @Inject
    LeaderboardTimeConfig time;

    Clock clock = Clock.systemUTC();

    /**
     * Boards by key ({@link BoardWindow#key}: the category alone for the board of every day, 'all'
     * first, then each standard window's), each listing the categories that have a board. Only
     * tasks whose arena window has closed at the computation's instant count (their votes are
     * exactly what the public export carries then), so the board reveals nothing about an open match.
     */
    public Map<String, Leaderboard> compute() {
        Instant computedAt = clock.instant();
        Instant cutoff = computedAt.minus(config.window());
        LocalDate today = computedAt.atZone(ZoneOffset.UTC).toLocalDate();
        Votes votes = votes(cutoff, BoardWindow.EVERY_DAY);
        List<LeaderboardSource.PipelineRow> pipeline = source.pipeline(cutoff);
        TreeSet<String> categories = new TreeSet<>(votes.byCategory().keySet());
        for (LeaderboardSource.PipelineRow row : pipeline) {
            categories.add(row.category());
        }
        categories.remove(LeaderboardSnapshot.ALL);
        List<String> categoryList = List.copyOf(categories);
        Map<String, Leaderboard> boards = new LinkedHashMap<>();
        Map<String, Map<Integer, Leaderboard.Days>> days = activeDays(cutoff, votes.index());
        Boards every = boards(computedAt, categoryList, votes, config.leaderboard().bootstrapRounds(), days);
        addBoards(boards, every, BoardWindow.EVERY_DAY, votes, pipeline);
        Boards windowed = boards(computedAt, categoryList, votes, time.windowBootstrapRounds(), days);
        for (String name : BoardWindow.STANDARD) {
            BoardWindow window = BoardWindow.lastDays(name, today);
            addBoards(boards, windowed, window, votes.within(window), source.pipeline(cutoff, window));
        }
        return boards;
    }

    /**
     * The board of one category ('all') over a custom window, of the tasks closed at {@code asOf}
     * (the instant of the served batch, so that it agrees with it); {@code categories} are the
     * batch's.
     */
    public Leaderboard compute(Instant asOf, BoardWindow window, String category, List<String> categories) {
        Instant cutoff = asOf.minus(config.window());
        Votes votes = votes(cutoff, window);
        List<LeaderboardSource.PipelineRow> pipeline = source.pipeline(cutoff, window);
        Boards boards = boards(asOf, categories, votes, time.windowBootstrapRounds(),
                activeDays(cutoff, votes.index()));
        boolean all = LeaderboardSnapshot.ALL.equals(category);
        return board(boards, window, category, all ? votes.all() : votes.byCategory().getOrDefault(category, List.of()),
                all ? pipeline : pipeline.stream().filter(row -> row.category().equals(category)).toList());
    }

    private void addBoards(Map<String, Leaderboard> boards, Boards shared, BoardWindow window, Votes votes,
                           List<LeaderboardSource.PipelineRow> pipeline) {
        Map<String, List<LeaderboardSource.PipelineRow>> pipelineByCategory = new HashMap<>();
        for (LeaderboardSource.PipelineRow row : pipeline) {
            pipelineByCategory.computeIfAbsent(row.category(), c -> new ArrayList<>()).add(row);
        }
        boards.put(BoardWindow.key(window.name(), LeaderboardSnapshot.ALL),
                board(shared, window, LeaderboardSnapshot.ALL, votes.all(), pipeline));
        for (String category : shared.categories()) {
            boards.put(BoardWindow.key(window.name(), category), board(shared, window, category,
                    votes.byCategory().getOrDefault(category, List.of()),
                    pipelineByCategory.getOrDefault(category, List.of())));
        }
    }

    /**
     * The counted votes of one read, each {@code {left, right, outcome, style row, epoch day}}
     * (model indexes into {@code models}), all of them and by category.
     */
    private record Votes(List<LeaderboardSource.ModelRow> models, Map<UUID, Integer> index, List<int[]> all,
                         Map<String, List<int[]>> byCategory, StyleDifferences differences) {

        static final int DAY = 4;

        Votes within(BoardWindow window) {
            List<int[]> kept = new ArrayList<>();
            Map<String, List<int[]>> keptByCategory = new HashMap<>();
            for (Map.Entry<String, List<int[]>> entry : byCategory.entrySet()) {
                List<int[]> in = new ArrayList<>();
                for (int[] vote : entry.getValue()) {
                    if (window.contains(vote[DAY])) {
                        in.add(vote);
                    }
                }
                keptByCategory.put(entry.getKey(), in);
            }
            for (int[] vote : all) {
                if (window.contains(vote[DAY])) {
                    kept.add(vote);
                }
            }
            return new Votes(models, index, kept, keptByCategory, differences);
        }
    }

    private Votes votes(Instant cutoff, BoardWindow window) {
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
        source.countedVotes(cutoff, window, vote -> {
            Integer left = index.get(vote.leftModel());
            Integer right = index.get(vote.rightModel());
            if (left == null || right == null || left.equals(right)) {
                return;
            }
            int[] battle = {left, right, outcome(vote.outcome()).ordinal(),
                    differences.add(covariates, styles.get(vote.leftSubmission()), styles.get(vote.rightSubmission())),
                    (int) vote.taskDate().toEpochDay()};
            all.add(battle);
            votesByCategory.computeIfAbsent(vote.category(), c -> new ArrayList<>()).add(battle);
        });
        return new Votes(models, index, all, votesByCategory, differences);
    }

    private Boards boards(Instant computedAt, List<String> categories, Votes votes, int bootstrapRounds,
                          Map<String, Map<Integer, Leaderboard.Days>> days) {
        RankingEngine engine = new RankingEngine(new RankingOptions(bootstrapRounds,
                config.leaderboard().bootstrapSeed(), config.leaderboard().eloK(),
                config.leaderboard().style().positionCorrection()));
        return new Boards(computedAt, categories, votes.models(), votes.index(), engine,
                config.leaderboard().style().covariates(), votes.differences(), days);
    }

    /** Each category's (and 'all''s) first and last day per model index. */
    private Map<String, Map<Integer, Leaderboard.Days>> activeDays(Instant cutoff, Map<UUID, Integer> index) {
        Map<String, Map<Integer, Leaderboard.Days>> days = new HashMap<>();
        for (LeaderboardSource.ActiveDays row : source.activeDays(cutoff)) {
            Integer model = index.get(row.model());
            if (model == null) {
                continue;
            }
            days.computeIfAbsent(row.category(), c -> new HashMap<>()).put(model,
                    new Leaderboard.Days(row.first(), row.last()));
            days.computeIfAbsent(ALL_CATEGORIES, c -> new HashMap<>()).merge(model,
                    new Leaderboard.Days(row.first(), row.last()),
                    (a, b) -> new Leaderboard.Days(min(a.first(), b.first()), max(a.last(), b.last())));
        }
        return days;
    }

    /** The key of the 'all' board's days: no category is empty, while one may be called 'all'. */
    private static final String ALL_CATEGORIES = "";

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** What every board of one computation shares: the instant, the categories, the models and the ranking. */
    private record Boards(Instant computedAt, List<String> categories, List<LeaderboardSource.ModelRow> models,
                          Map<UUID, Integer> index, RankingEngine engine, List<StyleCovariate> covariates,
                          StyleDifferences differences, Map<String, Map<Integer, Leaderboard.Days>> days) {
    }

    private Leaderboard board(Boards boards, BoardWindow window, String category, List<int[]> votes,
                              List<LeaderboardSource.PipelineRow> pipeline) {
        Map<Integer, Leaderboard.Days> days = boards.days().getOrDefault(
                LeaderboardSnapshot.ALL.equals(category) ? ALL_CATEGORIES : category, Map.of());
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
            rows.add(Leaderboard.Row.of(model, rating(result, i), t.pipeline(), styleRating(result, i),
                    days.getOrDefault(members.get(i), Leaderboard.Days.NONE)));
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
                "bradley_terry", boards.categories(), rows, new Leaderboard.Matrix(slugs, winRate, battleCounts),
                style(result, covariates), position(result.position()), window.name(), window.from(), window.to());
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

    public static Outcome outcome(dev.autobench.arena.voting.VoteOutcome outcome) {
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
