package dev.autobench.arena.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Streams counted votes as battles, oldest first, through a server-side cursor. */
@ApplicationScoped
public class BattleExportRepository {

    public record BattleRow(long voteId, UUID taskId, UUID matchId, String modelA, String modelB, String outcome,
                            String category, Instant createdAt) {
    }

    public interface Sink {
        void accept(BattleRow row) throws java.io.IOException;
    }

    private static final String BATTLES = """
            SELECT v.id, m.task_id, m.id, lm.slug, rm.slug, v.outcome, t.category, v.created_at
            FROM votes v
            JOIN matches m ON m.id = v.match_id
            JOIN tasks t ON t.id = m.task_id
            JOIN submissions ls ON ls.id = m.left_submission_id
            JOIN submissions rs ON rs.id = m.right_submission_id
            JOIN models lm ON lm.id = ls.model_id
            JOIN models rm ON rm.id = rs.model_id
            WHERE v.counted
            ORDER BY v.id
            """;

    @Inject
    DataSource dataSource;

    public void stream(Sink sink) throws java.io.IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement(BATTLES)) {
                st.setFetchSize(5_000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new BattleRow(rs.getLong(1), rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getObject(8, java.time.OffsetDateTime.class).toInstant()));
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
