package dev.autobench.arena.history;

import dev.autobench.arena.sql.ArenaWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The stored ratings per closed day ({@code leaderboard_history_days}, {@code leaderboard_history}), with plain JDBC. */
@ApplicationScoped
public class HistoryStore {

    /** A model's rating on one day in one category ('all' for every category). */
    public record DayRating(String category, UUID model, double rating, Double ciLow, Double ciHigh, long votes) {
    }

    /** A stored rating with the model's public names. */
    public record Point(String model, String displayName, String provider, LocalDate day, double rating, Double ciLow,
                        Double ciHigh, long votes) {
    }

    private static final String IN_WINDOW = ArenaWindow.TASK_IN_WINDOW.replace(":cutoff", "?");

    /*
     * A day is closed when its end is before the cutoff and no task of it or of an earlier day is
     * still open: from then on no vote of its tasks, nor of the days before it, can be added.
     */
    private static final String LAST_CLOSED_DAY = """
            SELECT least((?::timestamptz AT TIME ZONE 'UTC')::date - 1,
                         (SELECT min(t.task_date) FROM tasks t WHERE %s) - 1)
            """.formatted(IN_WINDOW);

    private static final String FIRST_VOTED_DAY = """
            SELECT min(t.task_date)
            FROM votes v JOIN matches m ON m.id = v.match_id JOIN tasks t ON t.id = m.task_id
            WHERE v.counted AND NOT (%s)
            """.formatted(IN_WINDOW);

    @Inject
    DataSource dataSource;

    /** The latest day closed at {@code cutoff} (= now − arena window). */
    public LocalDate lastClosedDay(Instant cutoff) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(LAST_CLOSED_DAY)) {
            st.setObject(1, utc(cutoff));
            st.setObject(2, utc(cutoff));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getObject(1, LocalDate.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the last closed day", e);
        }
    }

    /** The first task day with a counted vote on a closed task, if any. */
    public Optional<LocalDate> firstVotedDay(Instant cutoff) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(FIRST_VOTED_DAY)) {
            st.setObject(1, utc(cutoff));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return Optional.ofNullable(rs.getObject(1, LocalDate.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the first voted day", e);
        }
    }

    public Set<LocalDate> computedDays(int trailingDays, LocalDate from, LocalDate to) {
        Set<LocalDate> days = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT day FROM leaderboard_history_days WHERE trailing_days = ? AND day BETWEEN ? AND ?")) {
            st.setInt(1, trailingDays);
            st.setObject(2, from);
            st.setObject(3, to);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getObject(1, LocalDate.class));
                }
            }
            return days;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the computed days", e);
        }
    }

    /**
     * Stores a day's ratings, unless another replica stored that day first (then this computation
     * is dropped: both were made of the same votes).
     */
    public boolean save(int trailingDays, LocalDate day, long votes, int bootstrapRounds, List<DayRating> ratings) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int inserted;
                try (PreparedStatement st = c.prepareStatement("""
                        INSERT INTO leaderboard_history_days (trailing_days, day, votes, bootstrap_rounds)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                    st.setInt(1, trailingDays);
                    st.setObject(2, day);
                    st.setInt(3, (int) Math.min(Integer.MAX_VALUE, votes));
                    st.setInt(4, bootstrapRounds);
                    inserted = st.executeUpdate();
                }
                if (inserted == 1 && !ratings.isEmpty()) {
                    try (PreparedStatement st = c.prepareStatement("""
                            INSERT INTO leaderboard_history (trailing_days, day, category, model_id, rating, ci_low,
                                                             ci_high, votes)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                        for (DayRating r : ratings) {
                            st.setInt(1, trailingDays);
                            st.setObject(2, day);
                            st.setString(3, r.category());
                            st.setObject(4, r.model());
                            st.setDouble(5, r.rating());
                            st.setObject(6, r.ciLow());
                            st.setObject(7, r.ciHigh());
                            st.setInt(8, (int) Math.min(Integer.MAX_VALUE, r.votes()));
                            st.addBatch();
                        }
                        st.executeBatch();
                    }
                }
                c.commit();
                return inserted == 1;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the ratings of " + day, e);
        }
    }

    /** Changes whenever a day is stored (or the tables are emptied). */
    public String version() {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) || ':' || coalesce(max(computed_at)::text, '') FROM leaderboard_history_days");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history's version", e);
        }
    }

    /** The computed days of a trailing window, oldest first. */
    public List<LocalDate> days(int trailingDays) {
        List<LocalDate> days = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT day FROM leaderboard_history_days WHERE trailing_days = ? ORDER BY day")) {
            st.setInt(1, trailingDays);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getObject(1, LocalDate.class));
                }
            }
            return days;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history's days", e);
        }
    }

    /** Every stored rating of a category and trailing window, by model then day. */
    public List<Point> points(int trailingDays, String category) {
        List<Point> points = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT m.slug, m.display_name, m.provider, h.day, h.rating, h.ci_low, h.ci_high, h.votes
                FROM leaderboard_history h JOIN models m ON m.id = h.model_id
                WHERE h.trailing_days = ? AND h.category = ?
                ORDER BY m.slug, h.day""")) {
            st.setInt(1, trailingDays);
            st.setString(2, category);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    points.add(new Point(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getDouble(5), (Double) rs.getObject(6),
                            (Double) rs.getObject(7), rs.getLong(8)));
                }
            }
            return points;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
