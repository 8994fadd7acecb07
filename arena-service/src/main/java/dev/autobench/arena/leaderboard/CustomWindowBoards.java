package dev.autobench.arena.leaderboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Boards over any from–to, computed on request but never a lever on the CPU: one computation at a
 * time per replica (a request that would start a second gets 503 with Retry-After at once), each
 * result kept in a bounded least-recently-used cache for as long as the served batch it agrees
 * with (it counts the tasks closed at that batch's instant), and the range is bounded by the caller.
 */
@ApplicationScoped
public class CustomWindowBoards {

    private record Key(long snapshotId, LocalDate from, LocalDate to, String category) {
    }

    @Inject
    LeaderboardService leaderboards;

    @Inject
    LeaderboardComputer computer;

    @Inject
    LeaderboardTimeConfig time;

    @Inject
    ObjectMapper json;

    Clock clock = Clock.systemUTC();

    private final Semaphore computing = new Semaphore(1);

    private Map<Key, LeaderboardService.Served> cache;

    /** The board, or a 404 for an unknown category, or a 503 while another custom board is being computed. */
    public LeaderboardService.Served board(LocalDate from, LocalDate to, String category) {
        String name = category == null || category.isBlank() ? LeaderboardSnapshot.ALL : category;
        LeaderboardService.Batch batch = leaderboards.batch();
        if (!LeaderboardSnapshot.ALL.equals(name) && !batch.categories().contains(name)) {
            throw ProblemException.notFound("No leaderboard for category '" + category + "'");
        }
        Key key = new Key(batch.snapshotId(), from, to, name);
        LeaderboardService.Served cached = cached(key);
        if (cached != null) {
            return cached;
        }
        if (!computing.tryAcquire()) {
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE,
                    "Another custom-window board is being computed; try again shortly (or use window=7d, 30d, 90d or all)",
                    Map.of("Retry-After", Long.toString(Math.max(1, time.custom().retryAfter().toSeconds()))));
        }
        try {
            cached = cached(key);
            if (cached != null) {
                return cached;
            }
            Instant asOf = batch.computedAt() == null ? clock.instant() : batch.computedAt();
            Leaderboard board = computer.compute(asOf, BoardWindow.custom(from, to), name, batch.categories());
            LeaderboardService.Served served = new LeaderboardService.Served(board, json.writeValueAsBytes(board),
                    "\"lbc-" + batch.snapshotId() + "-" + from + "-" + to + "-"
                            + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)) + "\"");
            synchronized (this) {
                cache().put(key, served);
            }
            return served;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the leaderboard", e);
        } finally {
            computing.release();
        }
    }

    private synchronized LeaderboardService.Served cached(Key key) {
        Map<Key, LeaderboardService.Served> boards = cache();
        // a newer batch makes every cached board stale: drop them rather than let them age out
        boards.keySet().removeIf(k -> k.snapshotId() != key.snapshotId());
        return boards.get(key);
    }

    private Map<Key, LeaderboardService.Served> cache() {
        if (cache == null) {
            int size = time.custom().cacheSize();
            cache = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, LeaderboardService.Served> eldest) {
                    return size() > size;
                }
            };
        }
        return cache;
    }
}
