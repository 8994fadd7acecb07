package dev.autobench.arena.leaderboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autobench.arena.config.ArenaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes and reads batches of leaderboard snapshots. A stored body is
 * {@code {"fingerprint": <inputs>, "leaderboard": <the board>}}, so any replica can tell whether
 * a batch is already up to date before computing its own.
 */
@ApplicationScoped
public class SnapshotStore {

    static final String BOARD_FIELD = "leaderboard";
    static final String FINGERPRINT_FIELD = "fingerprint";

    public record Stored(long id, String body) {
    }

    public record Batch(long maxId, String fingerprint, Map<String, Stored> boards) {
    }

    @Inject
    SnapshotRepository snapshots;

    @Inject
    ArenaConfig config;

    @Inject
    ObjectMapper json;

    Clock clock = Clock.systemUTC();

    /** Stores a batch unless another replica is storing one right now; prunes old batches. */
    @Transactional
    public boolean save(String fingerprint, Map<String, Leaderboard> boards, int computeMs) {
        if (!snapshots.tryWriteLock()) {
            return false;
        }
        Instant computedAt = boards.get(LeaderboardSnapshot.ALL).computedAt();
        for (Leaderboard board : boards.values()) {
            LeaderboardSnapshot snapshot = new LeaderboardSnapshot();
            snapshot.computedAt = computedAt;
            snapshot.category = board.category();
            snapshot.timeWindow = board.window();
            snapshot.method = "bradley_terry";
            snapshot.votesUsed = (int) Math.min(Integer.MAX_VALUE, board.votes());
            snapshot.bootstrapRounds = board.bootstrapRounds();
            snapshot.computeMs = computeMs;
            snapshot.body = body(fingerprint, board);
            snapshots.persist(snapshot);
        }
        snapshots.prune(clock.instant().minus(config.leaderboard().retention()), computedAt);
        return true;
    }

    @Transactional
    public Optional<Batch> latestIfNewerThan(long snapshotId) {
        Optional<Long> latest = snapshots.latestId();
        if (latest.isEmpty() || latest.get() <= snapshotId) {
            return Optional.empty();
        }
        List<LeaderboardSnapshot> batch = snapshots.latestBatch();
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Stored> boards = new LinkedHashMap<>();
        long maxId = 0;
        String fingerprint = null;
        for (LeaderboardSnapshot snapshot : batch) {
            boards.put(BoardWindow.key(snapshot.timeWindow, snapshot.category), new Stored(snapshot.id, snapshot.body));
            maxId = Math.max(maxId, snapshot.id);
            if (LeaderboardSnapshot.ALL.equals(snapshot.category) && BoardWindow.ALL.equals(snapshot.timeWindow)) {
                fingerprint = fingerprintOf(snapshot.body);
            }
        }
        return Optional.of(new Batch(Math.max(maxId, latest.get()), fingerprint, boards));
    }

    private String body(String fingerprint, Leaderboard board) {
        ObjectNode node = json.createObjectNode();
        node.put(FINGERPRINT_FIELD, fingerprint);
        node.set(BOARD_FIELD, json.valueToTree(board));
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the leaderboard", e);
        }
    }

    private String fingerprintOf(String body) {
        try {
            return json.readTree(body).path(FINGERPRINT_FIELD).asText(null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
