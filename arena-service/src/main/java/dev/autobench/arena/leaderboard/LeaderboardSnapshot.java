package dev.autobench.arena.leaderboard;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A computed leaderboard of one category ('all' for every vote), stored so every replica serves the same one. */
@Entity
@Table(name = "leaderboard_snapshots")
public class LeaderboardSnapshot extends PanacheEntityBase {

    public static final String ALL = "all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    @Column(nullable = false, columnDefinition = "text")
    public String category;

    /** Which task days the board covers: {@link BoardWindow#ALL} or one of {@link BoardWindow#STANDARD}. */
    @Column(name = "time_window", nullable = false, columnDefinition = "text")
    public String timeWindow = BoardWindow.ALL;

    @Column(nullable = false, columnDefinition = "text")
    public String method;

    @Column(name = "votes_used", nullable = false)
    public int votesUsed;

    @Column(name = "last_vote_id")
    public Long lastVoteId;

    @Column(name = "bootstrap_rounds", nullable = false)
    public int bootstrapRounds;

    @Column(name = "compute_ms", nullable = false)
    public int computeMs;

    /** The serialised {@link Leaderboard}, served byte for byte. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String body;
}
