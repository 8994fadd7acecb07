package dev.autobench.arena.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.arena.leaderboard.LeaderboardTimeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the stored history from memory: each (category, trailing window) is read from the
 * database once per version of the history (a day stored by any replica changes it; the job
 * checks every run) and kept serialised, with an ETag.
 */
@ApplicationScoped
public class HistoryService {

    /** One serialised history, ready to write to the wire. */
    public record Served(byte[] json, String etag) {
    }

    private record Key(String category, int trailing) {
    }

    @Inject
    HistoryStore store;

    @Inject
    LeaderboardTimeConfig time;

    @Inject
    ObjectMapper json;

    private volatile String version;
    private final Map<Key, Served> served = new ConcurrentHashMap<>();

    /** Forgets the served histories when the stored ones changed. */
    public void reloadIfChanged() {
        String current = store.version();
        if (!current.equals(version)) {
            version = current;
            served.clear();
        }
    }

    public Served history(String category, int trailing) {
        if (version == null) {
            reloadIfChanged();
        }
        Key key = new Key(category, trailing);
        Served cached = served.get(key);
        if (cached != null) {
            return cached;
        }
        String readAt = version;
        Served read = read(key, readAt);
        // kept only if no newer version arrived while reading
        if (readAt.equals(version)) {
            served.put(key, read);
        }
        return read;
    }

    private Served read(Key key, String readAt) {
        Map<String, History.Series> series = new LinkedHashMap<>();
        for (HistoryStore.Point p : store.points(key.trailing(), key.category())) {
            series.computeIfAbsent(p.model(), m -> new History.Series(p.model(), p.displayName(), p.provider(),
                    new ArrayList<>())).points().add(new History.Point(p.day(), p.rating(), p.ciLow(), p.ciHigh(),
                    p.votes()));
        }
        History history = new History(key.category(), key.trailing(), time.history().bootstrapRounds(),
                store.days(key.trailing()), List.copyOf(series.values()));
        try {
            String tag = UUID.nameUUIDFromBytes((readAt + "\n" + key.category() + "\n" + key.trailing())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            return new Served(json.writeValueAsBytes(history), "lh-" + tag);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the history", e);
        }
    }
}
