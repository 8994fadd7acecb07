package dev.autobench.arena.config;

/** Every meter this service emits; the SRE dashboard is written against these exact names. */
public final class MeterNames {

    public static final String VOTES = "autobench.votes";
    public static final String VOTES_REJECTED = "autobench.votes.rejected";
    public static final String VOTES_UNCOUNTED = "autobench.votes.uncounted";
    public static final String REQUESTS_LIMITED = "autobench.requests.limited";
    public static final String MATCHES_SERVED = "autobench.matches.served";
    public static final String MATCHES_OPEN = "autobench.matches.open";
    public static final String LEADERBOARD_COMPUTE = "autobench.leaderboard.compute.duration";
    public static final String LEADERBOARD_AGE = "autobench.leaderboard.age.seconds";
    public static final String LEADERBOARD_PENDING_VOTES = "autobench.leaderboard.pending.votes";
    public static final String LEADERBOARD_PENDING_VOTE_AGE = "autobench.leaderboard.pending.vote.age.seconds";
    public static final String PAIRS_CREATED = "autobench.pairs.created";
    public static final String HUMAN_CHECKS = "autobench.human.checks";

    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_COUNTED = "counted";
    public static final String TAG_REASON = "reason";
    public static final String TAG_WHAT = "what";

    private MeterNames() {
    }
}
