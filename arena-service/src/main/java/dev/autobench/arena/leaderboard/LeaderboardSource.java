package dev.autobench.arena.leaderboard;

import dev.autobench.arena.sql.ArenaWindow;
import dev.autobench.arena.voting.VoteOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    public record VoteRow(UUID leftModel, UUID rightModel, VoteOutcome outcome, String category,
                          UUID leftSubmission, UUID rightSubmission, LocalDate taskDate) {
    }

    /** The first and last UTC task day with a solution of {@code model} in {@code category} on a closed task. */
    public record ActiveDays(UUID model, String category, LocalDate first, LocalDate last) {
    }

    /**
     * What style control holds equal, per submission: its code's length, whether the code loads
     * something from another origin, the rendered page's JavaScript errors and render time (null
     * when unknown).
     */
    public record StyleRow(UUID submission, Integer codeLength, Boolean externalLibraries, Integer jsErrors,
                           Integer renderMs) {

        /** The covariate's value for this solution, NaN when unknown. */
        public double value(dev.autobench.arena.ranking.StyleCovariate covariate) {
            return switch (covariate) {
                case CODE_LENGTH -> codeLength == null ? Double.NaN : log2(codeLength);
                case EXTERNAL_LIBRARIES -> externalLibraries == null ? Double.NaN : externalLibraries ? 1 : 0;
                case JS_ERRORS -> jsErrors == null ? Double.NaN : jsErrors > 0 ? 1 : 0;
                case RENDER_TIME -> renderMs == null ? Double.NaN : log2(renderMs);
            };
        }

        private static double log2(int value) {
            return Math.log(Math.max(1, value)) / Math.log(2);
        }
    }

    /** Sums per (model, category) over finished submissions, so any set of categories can be added up. */
    public record PipelineRow(UUID model, String category, long submissions, long rendered, long jsErrors,
                              BigDecimal costSum, long costCount, long latencySum,
                              long latencyCount, long outputTokensSum, long outputTokensCount) {
    }

    /*
     * The board is made only of closed tasks (outside the arena window, the export's rule): while a
     * task is open, a change in any figure would tell a voter which model was behind the side they
     * just voted for. So the fingerprint covers exactly those inputs, and the number of closed tasks
     * makes it change when a window closes even if nothing else happens.
     */
    private static final String CLOSED = "NOT (" + ArenaWindow.TASK_IN_WINDOW.replace(":cutoff", "?") + ")";

    private static final String FINGERPRINT = """
            SELECT concat_ws(':',
                (SELECT count(*) FROM tasks t WHERE %1$s),
                (SELECT concat_ws('/', count(*), coalesce(max(v.id), 0), coalesce(sum(v.id), 0))
                 FROM votes v JOIN matches m ON m.id = v.match_id JOIN tasks t ON t.id = m.task_id
                 WHERE v.counted AND %1$s),
                (SELECT count(*) FROM submissions s JOIN tasks t ON t.id = s.task_id
                 WHERE s.status IN ('succeeded', 'failed') AND %1$s),
                (SELECT count(*) FROM artifacts a JOIN submissions s ON s.id = a.submission_id
                 JOIN tasks t ON t.id = s.task_id WHERE a.status <> 'rendering' AND %1$s),
                (SELECT count(*) FROM models), (SELECT coalesce(max(updated_at)::text, '') FROM models))
            """.formatted(CLOSED);

    private static final String VOTES = """
            SELECT ls.model_id, rs.model_id, v.outcome, t.category, ls.id, rs.id, t.task_date
            FROM votes v
            JOIN matches m ON m.id = v.match_id
            JOIN submissions ls ON ls.id = m.left_submission_id
            JOIN submissions rs ON rs.id = m.right_submission_id
            JOIN tasks t ON t.id = m.task_id
            WHERE v.counted AND %s AND t.task_date BETWEEN ? AND ?
            ORDER BY v.id
            """.formatted(CLOSED);

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
            WHERE s.status IN ('succeeded', 'failed') AND %s AND t.task_date BETWEEN ? AND ?
            GROUP BY s.model_id, t.category
            """.formatted(CLOSED);

    private static final String ACTIVE_DAYS = """
            SELECT s.model_id, t.category, min(t.task_date), max(t.task_date)
            FROM submissions s
            JOIN tasks t ON t.id = s.task_id
            WHERE s.status = 'succeeded' AND %s
            GROUP BY s.model_id, t.category
            """.formatted(CLOSED);

    /** The bounds that stand for "every day" in a task-day range. */
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /*
     * Another origin: an absolute or protocol-relative URL in a script or stylesheet tag, or an
     * ES module import from http(s). Evaluated once per submission, never per vote.
     */
    // no question marks: the JDBC driver would take them for parameters
    private static final String EXTERNAL = "(<script[^>]*\\ssrc\\s*=\\s*[\"'']{0,1}(https{0,1}:){0,1}//)"
            + "|(<link[^>]*\\shref\\s*=\\s*[\"'']{0,1}(https{0,1}:){0,1}//)|(import[^;]*[\"'']https{0,1}://)";

    private static final String STYLE = """
            SELECT s.id, length(s.code), s.code ~* '%s', a.js_error_count, a.render_ms
            FROM submissions s
            JOIN tasks t ON t.id = s.task_id
            LEFT JOIN artifacts a ON a.submission_id = s.id AND a.status = 'rendered'
            WHERE s.status = 'succeeded' AND %s
            """.formatted(EXTERNAL, CLOSED);

    /*
     * Counted votes of tasks closed by now that a board computed at :asOf does not include: it read
     * the votes stored before :asOf of tasks closed by :asOf − window. A vote becomes countable at
     * the later of its storing and its task's window closing; the age counts from then.
     */
    private static final String PENDING = """
            SELECT count(*), coalesce(extract(epoch FROM now() - min(greatest(v.created_at, %1$s + ?::interval))), 0)
            FROM votes v JOIN matches m ON m.id = v.match_id JOIN tasks t ON t.id = m.task_id
            WHERE v.counted AND NOT (%2$s)
              AND (?::timestamptz IS NULL OR v.created_at > ?::timestamptz OR %3$s)
            """.formatted(ArenaWindow.TASK_OPENED_AT, ArenaWindow.TASK_IN_WINDOW.replace(":cutoff", "now() - ?::interval"),
            ArenaWindow.TASK_IN_WINDOW.replace(":cutoff", "?::timestamptz"));

    @Inject
    DataSource dataSource;

    /** Changes whenever the board computed with this {@code cutoff} (= now − window) could change. */
    public String fingerprint(Instant cutoff) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(FINGERPRINT)) {
            for (int i = 1; i <= 4; i++) {
                st.setObject(i, utc(cutoff));
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
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

    /** Pipeline sums over the tasks closed at {@code cutoff} (= now − window). */
    public List<PipelineRow> pipeline(Instant cutoff) {
        return pipeline(cutoff, BoardWindow.EVERY_DAY);
    }

    /** Pipeline sums over the tasks of the window's days closed at {@code cutoff}. */
    public List<PipelineRow> pipeline(Instant cutoff, BoardWindow window) {
        List<PipelineRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(PIPELINE)) {
            st.setObject(1, utc(cutoff));
            bindDays(st, 2, window);
            try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(new PipelineRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getBigDecimal(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        rs.getLong(10), rs.getLong(11)));
            }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pipeline statistics", e);
        }
    }

    /**
     * Streams every counted vote of a task closed at {@code cutoff} (= now − window), oldest first:
     * exactly the votes the public export carries at that cutoff.
     */
    public void countedVotes(Instant cutoff, Consumer<VoteRow> consumer) {
        countedVotes(cutoff, BoardWindow.EVERY_DAY, consumer);
    }

    /** {@link #countedVotes(Instant, Consumer)} of the tasks of the window's days only. */
    public void countedVotes(Instant cutoff, BoardWindow window, Consumer<VoteRow> consumer) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL only honours the fetch size inside a transaction
            try (PreparedStatement st = c.prepareStatement(VOTES)) {
                st.setObject(1, utc(cutoff));
                bindDays(st, 2, window);
                st.setFetchSize(10_000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(new VoteRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                VoteOutcome.parse(rs.getString(3)).orElseThrow(), rs.getString(4),
                                rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                                rs.getObject(7, LocalDate.class)));
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

    /** Per model and category, the first and last day of its solutions on the tasks closed at {@code cutoff}. */
    public List<ActiveDays> activeDays(Instant cutoff) {
        List<ActiveDays> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(ACTIVE_DAYS)) {
            st.setObject(1, utc(cutoff));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ActiveDays(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the models' first and last days", e);
        }
    }

    private static void bindDays(PreparedStatement st, int first, BoardWindow window) throws SQLException {
        st.setObject(first, window.isAll() ? FIRST_DAY : window.from());
        st.setObject(first + 1, window.isAll() ? LAST_DAY : window.to());
    }

    /** The style covariates of every succeeded submission of the tasks closed at {@code cutoff}. */
    public java.util.Map<UUID, StyleRow> styles(Instant cutoff) {
        java.util.Map<UUID, StyleRow> rows = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(STYLE)) {
            st.setObject(1, utc(cutoff));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    rows.put(id, new StyleRow(id, (Integer) rs.getObject(2), (Boolean) rs.getObject(3),
                            (Integer) rs.getObject(4), (Integer) rs.getObject(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the style covariates", e);
        }
    }

    /** Pending votes and the age in seconds of the oldest, against a board computed at {@code servedAsOf} (null: none). */
    public record Pending(long votes, double oldestAgeSeconds) {
    }

    /**
     * The counted votes of tasks closed by now (database clock) that a board computed at
     * {@code servedAsOf} with this {@code window} does not include.
     */
    public Pending pending(Instant servedAsOf, Duration window) {
        String interval = window.toMillis() + " milliseconds";
        OffsetDateTime asOf = servedAsOf == null ? null : utc(servedAsOf);
        OffsetDateTime servedCutoff = servedAsOf == null ? null : utc(servedAsOf.minus(window));
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(PENDING)) {
            st.setString(1, interval);
            st.setString(2, interval);
            for (int i = 3; i <= 5; i++) {
                st.setNull(i, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            }
            if (servedAsOf != null) {
                st.setObject(3, asOf);
                st.setObject(4, asOf);
                st.setObject(5, servedCutoff);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Pending(rs.getLong(1), rs.getDouble(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the pending votes", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
