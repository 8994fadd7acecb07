package dev.autobench.arena.export;

import dev.autobench.arena.sql.ArenaWindow;
import dev.autobench.arena.sql.VoteSides;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Streams the counted votes of tasks that have left the arena window as battles, oldest first,
 * through a server-side cursor. Votes of open tasks are never read here: with match ids and both
 * models, they would tell a script who is behind each match still being served.
 */
@ApplicationScoped
public class BattleExportRepository {

    /** {@code checksA}, {@code checksB}: each side's stored check results (a JSON array), null when not checked. */
    public record BattleRow(long voteId, UUID taskId, UUID matchId, String modelA, String modelB, String outcome,
                            String category, Instant createdAt, String checksA, String checksB) {
    }

    public interface Sink {
        void accept(BattleRow row) throws java.io.IOException;
    }

    private static final String BATTLES = """
            SELECT v.id, m.task_id, m.id, lm.slug, rm.slug, v.outcome, t.category, v.created_at,
                   la.checks::text, ra.checks::text
            %s
            LEFT JOIN artifacts la ON la.submission_id = ls.id
            LEFT JOIN artifacts ra ON ra.submission_id = rs.id
            WHERE v.counted AND NOT (%s)
            ORDER BY v.id
            """.formatted(VoteSides.FROM_VOTES, ArenaWindow.TASK_IN_WINDOW.replace(":cutoff", "?"));

    /** Changes whenever the exported rows could have: a vote counted, deleted, or a task closing. */
    private static final String FINGERPRINT = """
            SELECT count(*), coalesce(max(v.id), 0), coalesce(sum(v.id), 0)
            FROM votes v
            JOIN matches m ON m.id = v.match_id
            JOIN tasks t ON t.id = m.task_id
            WHERE v.counted AND NOT (%s)
            """.formatted(ArenaWindow.TASK_IN_WINDOW.replace(":cutoff", "?"));

    @Inject
    DataSource dataSource;

    public String fingerprint(Instant cutoff) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(FINGERPRINT)) {
            st.setObject(1, java.time.OffsetDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getBigDecimal(3);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the export fingerprint", e);
        }
    }

    /** Every counted vote of a task opened at or before {@code cutoff} (= now − window). */
    public void stream(Instant cutoff, Sink sink) throws java.io.IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement(BATTLES)) {
                st.setObject(1, java.time.OffsetDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC));
                st.setFetchSize(5_000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new BattleRow(rs.getLong(1), rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getObject(8, java.time.OffsetDateTime.class).toInstant(),
                                rs.getString(9), rs.getString(10)));
                    }
                }
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot export votes", e);
        }
    }
}
