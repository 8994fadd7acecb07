package dev.autobench.renderer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Puts succeeded submissions into the shared schema the way the dispatcher does, and reads artifacts back. */
final class Submissions {

    private final DataSource db;

    Submissions(DataSource db) {
        this.db = db;
    }

    /** A succeeded submission of a fresh model for a fresh task, with {@code code} as its answer. */
    UUID succeeded(String code) {
        return succeeded(code, "[]");
    }

    /** As {@link #succeeded(String)}, for a task with these acceptance checks (a JSON array). */
    UUID succeeded(String code, String checksJson) {
        try (Connection c = db.getConnection()) {
            UUID model = insertReturningId(c, "INSERT INTO models (slug, provider, api_model, display_name) "
                    + "VALUES ('m-' || substr(md5(random()::text), 1, 12), 'demo', 'demo-model', 'Demo') RETURNING id");
            UUID task;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO tasks (task_date, slot, title, category, spec, status, checks) "
                    + "VALUES (DATE '2001-01-01' + ?, ?, 'A task', 'canvas', '{}'::jsonb, 'generated', ?::jsonb) RETURNING id")) {
                st.setInt(1, ThreadLocalRandom.current().nextInt(0, 30_000));
                st.setInt(2, ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE));
                st.setString(3, checksJson);
                task = single(st);
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO submissions (task_id, model_id, status, code, finished_at) "
                    + "VALUES (?, ?, 'succeeded', ?, now()) RETURNING id")) {
                st.setObject(1, task);
                st.setObject(2, model);
                st.setString(3, code);
                return single(st);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The artifact row of a submission as column → value, or null when there is none. */
    Map<String, Object> artifact(UUID submission) {
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT * FROM artifacts WHERE submission_id = ?")) {
            st.setObject(1, submission);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.put(rs.getMetaData().getColumnName(i), value == null ? null : value instanceof byte[] ? value : value.toString());
                    if (value instanceof byte[]) {
                        row.put(rs.getMetaData().getColumnName(i), value);
                    }
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int artifactCount(UUID submission) {
        return count("SELECT count(*) FROM artifacts WHERE submission_id = ?", submission);
    }

    int count(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID insertReturningId(Connection c, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            return single(st);
        }
    }

    private static UUID single(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }
}
