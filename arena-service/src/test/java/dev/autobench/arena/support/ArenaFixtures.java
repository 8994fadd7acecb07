package dev.autobench.arena.support;

import dev.autobench.testsupport.PostgresTestResource;
import dev.autobench.testsupport.TestPostgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeds the rows the upstream services would have written (models, tasks, submissions, rendered
 * artifacts) straight into the test database, and reads back what the arena stored.
 */
public final class ArenaFixtures {

    /** A 1×1 transparent PNG. */
    public static final byte[] PNG = HexFormat.of().parseHex(
            "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082");
    private static final AtomicInteger SLOTS = new AtomicInteger(100);

    public record Seeded(List<UUID> models, List<String> slugs, List<UUID> tasks, List<UUID> submissions,
                         List<UUID> artifacts) {
    }

    private ArenaFixtures() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(PostgresTestResource.jdbcUrl(), TestPostgres.user(), TestPostgres.password());
    }

    /** Empties every table the arena reads, so each test sees only its own rows. */
    public static void reset() {
        execute("TRUNCATE leaderboard_history_days, leaderboard_history, leaderboard_snapshots, votes, matches, artifacts, provider_calls, submissions, tasks, models CASCADE");
    }

    /** {@code models} models × {@code tasks} tasks generated at {@code generatedAt}, every submission rendered. */
    /**
     * {@code times} counted votes with {@code outcome}, each from a new voter, on every match of
     * {@code task}, which must have {@code matches} matches.
     */
    public static void voteOnEveryMatch(Connection c, UUID task, String outcome, int times, int matches)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO votes (match_id, voter_key, ip_hash, outcome)
                SELECT id, ?, 'ip-hash-test', ? FROM matches WHERE task_id = ?""")) {
            for (int i = 0; i < times; i++) {
                st.setString(1, "voter-" + UUID.randomUUID());
                st.setString(2, outcome);
                st.setObject(3, task);
                int inserted = st.executeUpdate();
                if (inserted != matches) {
                    throw new AssertionError("expected " + matches + " matches of task " + task + ", voted on " + inserted);
                }
            }
        }
    }

    /** An empty arena with one task generated now in "games", answered by this many models, and its matches paired. */
    public static Seeded openTaskWithMatches(int models) {
        reset();
        Seeded seeded = seed(models, 1, Instant.now(), "games");
        Voters.pair();
        return seeded;
    }

    public static Seeded seed(int models, int tasks, Instant generatedAt, String category) {
        return seed(models, tasks, generatedAt, category, "m");
    }

    public static Seeded seed(int models, int tasks, Instant generatedAt, String category, String slugPrefix) {
        List<UUID> modelIds = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        List<UUID> taskIds = new ArrayList<>();
        List<UUID> submissionIds = new ArrayList<>();
        List<UUID> artifactIds = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = connect()) {
            for (int m = 0; m < models; m++) {
                String slug = slugPrefix + "-" + run + "-" + m;
                modelIds.add(insertModel(c, slug, "Model " + m + " " + run, m % 2 == 0 ? "openai" : "anthropic"));
                slugs.add(slug);
            }
            LocalDate date = generatedAt.atZone(ZoneOffset.UTC).toLocalDate();
            for (int t = 0; t < tasks; t++) {
                UUID task = insertTask(c, date, "Task " + t + " " + run, category, generatedAt);
                taskIds.add(task);
                for (UUID model : modelIds) {
                    UUID submission = insertSubmission(c, task, model, "<html><body>answer " + UUID.randomUUID() + "</body></html>");
                    submissionIds.add(submission);
                    artifactIds.add(insertArtifact(c, submission, "rendered"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Seeded(modelIds, slugs, taskIds, submissionIds, artifactIds);
    }

    /**
     * A task of {@code day} in {@code category}, generated at the start of that day (so closed once
     * the arena window has passed), answered and rendered by every model, with a match per pair of
     * solutions (the pairing endpoint pairs open tasks only).
     */
    public static UUID taskWithMatches(Connection c, LocalDate day, String category, List<UUID> models)
            throws SQLException {
        UUID task = insertTask(c, day, "Task of " + day + " " + UUID.randomUUID().toString().substring(0, 8), category,
                day.atStartOfDay(ZoneOffset.UTC).toInstant());
        for (UUID model : models) {
            UUID submission = insertSubmission(c, task, model, "<html><body>answer " + UUID.randomUUID() + "</body></html>");
            insertArtifact(c, submission, "rendered");
        }
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO matches (task_id, left_submission_id, right_submission_id)
                SELECT a.task_id, a.id, b.id FROM submissions a JOIN submissions b
                  ON b.task_id = a.task_id AND a.model_id < b.model_id
                WHERE a.task_id = ?""")) {
            st.setObject(1, task);
            st.executeUpdate();
        }
        return task;
    }

    public static UUID insertModel(Connection c, String slug, String displayName, String provider) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO models (slug, provider, api_model, display_name) VALUES (?, ?, ?, ?) RETURNING id")) {
            st.setString(1, slug);
            st.setString(2, provider);
            st.setString(3, slug);
            st.setString(4, displayName);
            return single(st);
        }
    }

    public static UUID insertTask(Connection c, LocalDate date, String title, String category, Instant generatedAt)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO tasks (task_date, slot, title, category, spec, status, generated_at)
                VALUES (?, ?, ?, ?, ?::jsonb, 'generated', ?) RETURNING id""")) {
            st.setObject(1, date);
            st.setInt(2, SLOTS.incrementAndGet());
            st.setString(3, title);
            st.setString(4, category);
            st.setString(5, "{\"prompt\": \"Build " + title + "\"}");
            st.setObject(6, java.time.OffsetDateTime.ofInstant(generatedAt, ZoneOffset.UTC));
            return single(st);
        }
    }

    public static UUID insertSubmission(Connection c, UUID task, UUID model, String code) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO submissions (task_id, model_id, status, code, input_tokens, output_tokens, cost_usd,
                                         latency_ms, finished_at)
                VALUES (?, ?, 'succeeded', ?, 100, 2000, 0.012, 15000, now()) RETURNING id""")) {
            st.setObject(1, task);
            st.setObject(2, model);
            st.setString(3, code);
            return single(st);
        }
    }

    public static UUID insertArtifact(Connection c, UUID submission, String status) throws SQLException {
        String html = "<!doctype html><html><body><p>artifact " + submission + "</p></body></html>";
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO artifacts (submission_id, status, html, sha256, size_bytes, screenshot_png,
                                       screenshot_status, js_error_count, js_errors, failure_reason, rendered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, '["ReferenceError: x is not defined"]'::jsonb, ?, now())
                RETURNING id""")) {
            boolean rendered = status.equals("rendered");
            st.setObject(1, submission);
            st.setString(2, status);
            st.setString(3, rendered ? html : null);
            st.setString(4, rendered ? sha256(html) : null);
            st.setObject(5, rendered ? html.length() : null);
            st.setBytes(6, rendered ? PNG : null);
            st.setString(7, rendered ? "captured" : "failed");
            st.setString(8, status.equals("failed") ? "timeout" : null);
            return single(st);
        }
    }

    public static long count(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID single(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }
}
