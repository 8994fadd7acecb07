package dev.autobench.arena.history;

import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.arena.leaderboard.BoardWindow;
import dev.autobench.arena.leaderboard.LeaderboardComputer;
import dev.autobench.arena.leaderboard.LeaderboardSnapshot;
import dev.autobench.arena.leaderboard.LeaderboardSource;
import dev.autobench.arena.leaderboard.LeaderboardTimeConfig;
import dev.autobench.arena.ranking.Battles;
import dev.autobench.arena.ranking.Outcome;
import dev.autobench.arena.ranking.RankingEngine;
import dev.autobench.arena.ranking.RankingOptions;
import dev.autobench.arena.ranking.RankingResult;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Computes the ratings of each closed day over the trailing window ending that day, once per day:
 * a closed day's votes, and those of the days before it, never change, so a stored day is final.
 * Each run computes at most {@code days-per-run} missing days per trailing window, newest first,
 * from one read of their votes, so a backfill of a long history spreads over runs.
 */
@ApplicationScoped
public class HistoryJob {

    private static final Logger LOG = Logger.getLogger(HistoryJob.class);

    @Inject
    HistoryStore store;

    @Inject
    LeaderboardSource source;

    @Inject
    ArenaConfig config;

    @Inject
    LeaderboardTimeConfig time;

    @Inject
    HistoryService history;

    Clock clock = Clock.systemUTC();

    @Scheduled(identity = "leaderboard-history", every = "${autobench.arena.leaderboard.time.history.every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        advance();
    }

    /** Computes up to {@code days-per-run} missing closed days per trailing window; returns how many it stored. */
    public synchronized int advance() {
        Instant cutoff = clock.instant().minus(config.window());
        int stored = 0;
        LocalDate last = store.lastClosedDay(cutoff);
        Optional<LocalDate> first = store.firstVotedDay(cutoff);
        if (last != null && first.isPresent() && !first.get().isAfter(last)) {
            for (int trailing : time.history().trailingDays()) {
                stored += advance(cutoff, trailing, first.get(), last);
            }
        }
        history.reloadIfChanged();
        return stored;
    }

    private int advance(Instant cutoff, int trailing, LocalDate first, LocalDate last) {
        Set<LocalDate> done = store.computedDays(trailing, first, last);
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate day = last; !day.isBefore(first) && missing.size() < time.history().daysPerRun();
             day = day.minusDays(1)) {
            if (!done.contains(day)) {
                missing.add(day);
            }
        }
        if (missing.isEmpty()) {
            return 0;
        }
        LocalDate newest = missing.get(0);
        LocalDate oldest = missing.get(missing.size() - 1);
        List<LeaderboardSource.ModelRow> models = source.models();
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            index.put(models.get(i).id(), i);
        }
        // read once for every missing day
        List<DayVote> votes = new ArrayList<>();
        source.countedVotes(cutoff, BoardWindow.custom(oldest.minusDays(trailing - 1L), newest), vote -> {
            Integer left = index.get(vote.leftModel());
            Integer right = index.get(vote.rightModel());
            if (left == null || right == null || left.equals(right)) {
                return;
            }
            votes.add(new DayVote(left, right, LeaderboardComputer.outcome(vote.outcome()),
                    vote.taskDate().toEpochDay(), vote.category()));
        });
        int rounds = time.history().bootstrapRounds();
        RankingEngine engine = new RankingEngine(new RankingOptions(rounds, config.leaderboard().bootstrapSeed(),
                config.leaderboard().eloK(), false));
        int stored = 0;
        for (LocalDate day : missing) {
            long to = day.toEpochDay();
            long from = to - trailing + 1;
            Map<String, Battles> byCategory = new HashMap<>();
            Battles all = new Battles(models.size());
            for (DayVote vote : votes) {
                if (vote.day() < from || vote.day() > to) {
                    continue;
                }
                all.add(vote.left(), vote.right(), vote.outcome());
                byCategory.computeIfAbsent(vote.category(), c -> new Battles(models.size()))
                        .add(vote.left(), vote.right(), vote.outcome());
            }
            List<HistoryStore.DayRating> ratings = new ArrayList<>();
            rate(engine, LeaderboardSnapshot.ALL, all, models, ratings);
            // a category called 'all' counts in the overall board only, as on the leaderboard
            byCategory.remove(LeaderboardSnapshot.ALL);
            byCategory.forEach((category, battles) -> rate(engine, category, battles, models, ratings));
            if (store.save(trailing, day, all.size(), rounds, ratings)) {
                stored++;
            }
        }
        LOG.debugf("leaderboard history: %d days of %d-day windows computed (%s..%s)", stored, trailing, oldest, newest);
        return stored;
    }

    private static void rate(RankingEngine engine, String category, Battles battles,
                             List<LeaderboardSource.ModelRow> models, List<HistoryStore.DayRating> ratings) {
        if (battles.size() == 0) {
            return;
        }
        RankingResult result = engine.compute(battles);
        for (int i = 0; i < models.size(); i++) {
            if (result.rated(i)) {
                ratings.add(new HistoryStore.DayRating(category, models.get(i).id(), round(result.rating()[i]),
                        finite(result.ciLow()[i]), finite(result.ciHigh()[i]), result.games()[i]));
            }
        }
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? round(value) : null;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** One counted vote between two models of the board, on a task of that epoch day. */
    private record DayVote(int left, int right, Outcome outcome, long day, String category) {
    }
}
