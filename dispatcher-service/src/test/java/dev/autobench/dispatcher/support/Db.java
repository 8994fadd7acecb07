package dev.autobench.dispatcher.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autobench.testsupport.PostgresTestResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Plain JDBC for tests: arrange rows the way other services would, and read what the dispatcher wrote. */
public final class Db {

    public static final List<String> FOUR_MODELS = List.of("gpt-5", "claude-sonnet-4-5", "gemini-2.5-pro", "deepseek-chat");

    private final DataSource ds;

    public Db(DataSource ds) {
        this.ds = ds;
    }

    /** Fixtures and checks go through the database owner: the service's own role may not write them. */
    public static Db owner() {
        return new Db(PostgresTestResource.ownerDataSource());
    }

    /**
     * The start of most dispatch tests: nothing dispatched yet, only these models active (with this timeout), and
     * every provider answering each request with a page.
     */
    public static Db readyToDispatch(WireMockServer wiremock, List<String> activeSlugs, int timeoutSeconds) {
        Db db = owner();
        db.reset(activeSlugs, timeoutSeconds);
        wiremock.resetAll();
        FakeProviders.stubAllSucceed(wiremock);
        return db;
    }

    /** Empties what a dispatch writes and leaves only the given seeded models enabled. */
    public void reset(List<String> activeSlugs, int timeoutSeconds) {
        update("DELETE FROM provider_calls");
        update("DELETE FROM submissions");
        update("DELETE FROM tasks");
        update("DELETE FROM models WHERE slug LIKE 'test-%' OR slug LIKE 'bench-%'");
        update("UPDATE models SET active = (slug = ANY(?)), timeout_seconds = ?, base_url = NULL",
                activeSlugs.toArray(String[]::new), timeoutSeconds);
    }

    public UUID insertTask(int slot, String title) {
        String prompt = "You are taking part in AutoBench.\n\n# Task: " + title + "\nCategory: widget · Difficulty: easy\n\n"
                + "Build " + title + " as one HTML page.";
        return (UUID) rows("""
                INSERT INTO tasks (task_date, slot, title, category, spec, status, generated_at)
                VALUES ((now() AT TIME ZONE 'UTC')::date, ?, ?, 'widget',
                        jsonb_build_object('title', ?::text, 'prompt', ?::text), 'generated', now())
                RETURNING id""", slot, title, title, prompt).get(0).get("id");
    }

    public UUID modelId(String slug) {
        return (UUID) rows("SELECT id FROM models WHERE slug = ?", slug).get(0).get("id");
    }

    public long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
    }

    public Map<String, Object> submission(UUID taskId, String slug) {
        List<Map<String, Object>> rows = rows("""
                SELECT s.* FROM submissions s JOIN models m ON m.id = s.model_id WHERE s.task_id = ? AND m.slug = ?""",
                taskId, slug);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public List<Map<String, Object>> ledger(UUID taskId, String slug) {
        return rows("""
                SELECT pc.* FROM provider_calls pc JOIN submissions s ON s.id = pc.submission_id
                JOIN models m ON m.id = s.model_id WHERE s.task_id = ? AND m.slug = ? ORDER BY pc.attempt""", taskId, slug);
    }

    public int update(String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<Map<String, Object>> out = new ArrayList<>();
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("text", array));
            } else {
                ps.setObject(i + 1, params[i]);
            }
        }
        return ps;
    }
}
