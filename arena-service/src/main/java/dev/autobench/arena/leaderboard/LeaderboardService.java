package dev.autobench.arena.leaderboard;

import dev.autobench.arena.voting.ArenaMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.arena.matches.PairValues;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the leaderboards off the request path: a scheduled check recomputes them when what they
 * are made of changed (at most every {@code min-interval}), stores them as snapshots, and every
 * replica serves the latest stored batch from memory, pre-serialised, with an ETag.
 */
@ApplicationScoped
public class LeaderboardService {

    private static final Logger LOG = Logger.getLogger(LeaderboardService.class);

    /** One serialised board, ready to write to the wire. */
    public record Served(Leaderboard board, byte[] json, String etag) {

        /** The ETag as JAX-RS holds it (its value without the quotes). */
        public EntityTag entityTag() {
            return new EntityTag(etag.substring(1, etag.length() - 1));
        }
    }

    /** What this replica serves; replaced whole, so readers never see half of a batch. */
    private record State(long snapshotId, String fingerprint, Instant computedAt, Map<String, Served> boards) {
    }

    @Inject
    LeaderboardSource source;

    @Inject
    LeaderboardComputer computer;

    @Inject
    SnapshotStore store;

    @Inject
    ArenaConfig config;

    @Inject
    ArenaMetrics metrics;

    @Inject
    ObjectMapper json;

    @Inject
    PairValues pairValues;

    Clock clock = Clock.systemUTC();

    private volatile State state = new State(0, null, null, Map.of());

    /** The board of a category ('all' when null); empty until the first computation, or for an unknown category. */
    public Optional<Served> board(String category) {
        return board(category, BoardWindow.ALL);
    }

    /**
     * The board of a category ('all' when null) over a precomputed window ({@link BoardWindow#ALL}
     * or one of {@link BoardWindow#STANDARD}); empty for an unknown category.
     */
    public Optional<Served> board(String category, String window) {
        State current = state;
        String name = category == null || category.isBlank() ? LeaderboardSnapshot.ALL : category;
        Served served = current.boards().get(BoardWindow.key(window, name));
        if (served == null && current.boards().isEmpty() && LeaderboardSnapshot.ALL.equals(name)) {
            return Optional.of(empty(window));
        }
        return Optional.ofNullable(served);
    }

    /** The served batch's identity and instant (null before the first), what custom windows are computed against. */
    public record Batch(long snapshotId, Instant computedAt, List<String> categories) {
    }

    public Batch batch() {
        State current = state;
        Served all = current.boards().get(LeaderboardSnapshot.ALL);
        return new Batch(current.snapshotId(), current.computedAt(),
                all == null ? List.of() : all.board().categories());
    }

    @Scheduled(identity = "leaderboard-refresh", every = "${autobench.arena.leaderboard.check-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        refresh(false);
    }

    /**
     * Loads a newer stored batch if another replica made one; recomputes when the inputs changed
     * and the last computation is older than the minimum interval (or {@code force}).
     */
    public synchronized Instant refresh(boolean force) {
        loadStoredIfNewer();
        String fingerprint = source.fingerprint(clock.instant().minus(config.window()));
        State current = state;
        if (!force && fingerprint.equals(current.fingerprint()) && current(current)) {
            return current.computedAt();
        }
        if (!force && current.computedAt() != null
                && clock.instant().isBefore(current.computedAt().plus(config.leaderboard().minInterval()))) {
            return current.computedAt();
        }
        long started = System.nanoTime();
        Map<String, Leaderboard> boards = computer.compute();
        long elapsed = System.nanoTime() - started;
        metrics.leaderboardCompute().record(elapsed, TimeUnit.NANOSECONDS);
        Leaderboard all = boards.get(LeaderboardSnapshot.ALL);
        LOG.debugf("leaderboard computed from %d votes in %d ms", all.votes(), TimeUnit.NANOSECONDS.toMillis(elapsed));
        store.save(fingerprint, boards, (int) TimeUnit.NANOSECONDS.toMillis(elapsed));
        loadStoredIfNewer();
        return state.computedAt();
    }

    /**
     * Whether the served batch is still whole with unchanged inputs: the 7d/30d/90d boards end on
     * the computation's UTC day, so a new day needs a new batch, and a batch stored before the
     * windows existed has none.
     */
    private boolean current(State current) {
        if (current.computedAt() == null) {
            return true;
        }
        LocalDate computedOn = current.computedAt().atZone(ZoneOffset.UTC).toLocalDate();
        return computedOn.equals(clock.instant().atZone(ZoneOffset.UTC).toLocalDate())
                && current.boards().containsKey(BoardWindow.key(BoardWindow.STANDARD.get(0), LeaderboardSnapshot.ALL));
    }

    private void loadStoredIfNewer() {
        Optional<SnapshotStore.Batch> batch = store.latestIfNewerThan(state.snapshotId());
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Served> boards = new HashMap<>();
        Instant computedAt = null;
        for (Map.Entry<String, SnapshotStore.Stored> entry : batch.get().boards().entrySet()) {
            SnapshotStore.Stored stored = entry.getValue();
            Leaderboard board = parse(stored.body());
            boards.put(entry.getKey(), serve(board, "\"lb-" + stored.id() + "\""));
            computedAt = board.computedAt();
        }
        state = new State(batch.get().maxId(), batch.get().fingerprint(), computedAt, Map.copyOf(boards));
        metrics.leaderboardComputedAt(computedAt);
        // the serving order follows the board every replica serves
        Served all = boards.get(LeaderboardSnapshot.ALL);
        pairValues.update(all == null ? null : all.board());
    }

    private Leaderboard parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            return json.treeToValue(node.get(SnapshotStore.BOARD_FIELD), Leaderboard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable leaderboard snapshot", e);
        }
    }

    private Served serve(Leaderboard board, String etag) {
        try {
            return new Served(board, json.writeValueAsBytes(board), etag);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the leaderboard", e);
        }
    }

    private Served empty(String window) {
        return serve(new Leaderboard(null, LeaderboardSnapshot.ALL, 0, 0, "bradley_terry", List.of(), List.of(),
                new Leaderboard.Matrix(List.of(), List.of(), List.of()), null, null, window, null, null),
                BoardWindow.ALL.equals(window) ? "\"lb-empty\"" : "\"lb-empty-" + window + "\"");
    }
}
