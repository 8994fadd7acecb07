package dev.autobench.arena.repository;

import dev.autobench.arena.domain.VoteOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Everything a leaderboard is computed from, read with plain JDBC and a server-side cursor so that
 * a million votes stream through in constant memory.
 */
@ApplicationScoped
public class LeaderboardSource {

    public record ModelRow(UUID id, String slug, String displayName, String provider) {
    }

    /** A counted vote, left side first, in the order votes were stored. */
    public record VoteRow(UUID leftModel, UUID rightModel, VoteOutcome outcome, String category) {
    }

    /** Sums per (model, category) over finished submissions, so any set of categories can be added up. */
    public record PipelineRow(UUID model, String category, long submissions, long rendered, long jsErrors,
                              BigDecimal costSum, long costCount, long latencySum,
                              long latencyCount, long outputTokensSum, long outputTokensCount) {
    }

    /*
     * Changes whenever anything shown on the board could have changed: votes (stored or deleted),
     * finished submissions, finished renders, and model names.
     */
    private static final String FINGERPRINT = """
            SELECT concat_ws(':',
                (SELECT coalesce(max(id), 0) FROM votes), (SELECT count(*) FROM votes),
                (SELECT count(*) FROM submissions WHERE status IN ('succeeded', 'failed')),
                (SELECT count(*) FROM artifacts WHERE status <> 'rendering'),
                (SELECT count(*) FROM models), (SELECT coalesce(max(updated_at)::text, '') FROM models))
            """;

    private static final String VOTES = """
            SELECT ls.model_id, rs.model_id, v.outcome, t.category
            FROM votes v
            JOIN matches m ON m.id = v.match_id
            JOIN submissions ls ON ls.id = m.left_submission_id
            JOIN submissions rs ON rs.id = m.right_submission_id
            JOIN tasks t ON t.id = m.task_id
            WHERE v.counted
            ORDER BY v.id
            """;

    private static final String PIPELINE = """
            SELECT s.model_id, t.category, count(*),
                   count(*) FILTER (WHERE a.status = 'rendered'),
                   coalesce(sum(a.js_error_count) FILTER (WHERE a.status = 'rendered'), 0),
                   coalesce(sum(s.cost_usd), 0), count(s.cost_usd),
                   coalesce(sum(s.latency_ms), 0), count(s.latency_ms),
                   coalesce(sum(s.output_tokens), 0), count(s.output_tokens)
            FROM submissions s
            JOIN tasks t ON t.id = s.task_id
            LEFT JOIN artifacts a ON a.submission_id = s.id
            WHERE s.status IN ('succeeded', 'failed')
            GROUP BY s.model_id, t.category
            """;

    @Inject
    DataSource dataSource;

    public String fingerprint() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(FINGERPRINT)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the leaderboard fingerprint", e);
        }
    }

    public List<ModelRow> models() {
        List<ModelRow> models = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, slug, display_name, provider FROM models ORDER BY slug")) {
            while (rs.next()) {
                models.add(new ModelRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            return models;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read models", e);
        }
    }

    public List<PipelineRow> pipeline() {
        List<PipelineRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(PIPELINE)) {
            while (rs.next()) {
                rows.add(new PipelineRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getBigDecimal(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        rs.getLong(10), rs.getLong(11)));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pipeline statistics", e);
        }
    }

    /** Streams every counted vote, oldest first. */
    public void countedVotes(Consumer<VoteRow> consumer) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL only honours the fetch size inside a transaction
            try (PreparedStatement st = c.prepareStatement(VOTES)) {
                st.setFetchSize(10_000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(new VoteRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                VoteOutcome.parse(rs.getString(3)).orElseThrow(), rs.getString(4)));
                    }
                }
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read votes", e);
        }
    }
}
