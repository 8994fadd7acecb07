package dev.autobench.arena.matches;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open match as this replica serves it: its answer already serialised up to the vote token, and
 * its vote count (from the database at the last re-read, plus the votes this replica stored since),
 * and its two models' slugs for the serving order (never in the answer).
 */
public final class OpenMatch {

    private final UUID matchId;
    private final UUID taskId;
    private final Instant revealAt;
    private final byte[] jsonPrefix;
    private final AtomicInteger votes;
    private final String leftModel;
    private final String rightModel;

    OpenMatch(UUID matchId, UUID taskId, Instant revealAt, byte[] jsonPrefix, int votes, String leftModel,
              String rightModel) {
        this.matchId = matchId;
        this.taskId = taskId;
        this.revealAt = revealAt;
        this.jsonPrefix = jsonPrefix;
        this.votes = new AtomicInteger(votes);
        this.leftModel = leftModel;
        this.rightModel = rightModel;
    }

    public UUID matchId() {
        return matchId;
    }

    public UUID taskId() {
        return taskId;
    }

    /** When the task leaves the arena window; the match is not served from then on. */
    public Instant revealAt() {
        return revealAt;
    }

    public int voteCount() {
        return votes.get();
    }

    String leftModel() {
        return leftModel;
    }

    String rightModel() {
        return rightModel;
    }

    void voted() {
        votes.incrementAndGet();
    }

    /** The answer's JSON object, open, ending with {@code "voteToken":"}. */
    byte[] jsonPrefix() {
        return jsonPrefix;
    }
}
