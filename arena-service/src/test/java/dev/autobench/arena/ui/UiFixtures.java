package dev.autobench.arena.ui;

import dev.autobench.testsupport.TestPostgres;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * What the pages are tested on, written straight into the schema the pipeline fills: four models
 * (two with hostile display names), today's task (hostile title, open for voting, four rendered
 * solutions) and an older, revealed task (three rendered solutions and one that timed out).
 * Matches come from the real pair generator.
 */
final class UiFixtures {

    static final String HOSTILE_TITLE =
            "Bouncing balls <img src=x onerror=\"window.__pwned='title-img'\"><script>window.__pwned='title-script'</script>";
    static final String OLD_TITLE = "Sortable todo list";
    static final String RANKED_TITLE = "Swinging pendulum";

    /** slug → display name, strongest first (the order the seeded votes encode). */
    static final Map<String, String> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("alpha-coder", "Alpha Coder");
        MODELS.put("delta-v", "Delta V");
        MODELS.put("beta-script", "Beta <script>window.__pwned='model-script'</script>");
        MODELS.put("gamma-img", "Gamma <img src=x onerror=\"window.__pwned='model-img'\">");
    }

    static final Map<String, String> PROVIDERS = Map.of(
            "alpha-coder", "openai", "delta-v", "deepseek", "beta-script", "anthropic", "gamma-img", "google");

    private static final Color[] COLORS = {new Color(0x2563eb), new Color(0x16a34a), new Color(0xdc2626), new Color(0x9333ea)};

    private static boolean seeded;
    static UUID todayTask;
    static UUID oldTask;
    static UUID rankedTask;
    static int votesSeeded;

    private UiFixtures() {
    }

    /** Seeds once per test JVM (all UI test classes share the database of {@link UiDatabase}). */
    static synchronized void seed() {
        if (seeded) {
            return;
        }
        try (Connection db = connect()) {
            Map<String, UUID> models = new LinkedHashMap<>();
            for (var model : MODELS.entrySet()) {
                models.put(model.getKey(), insertModel(db, model.getKey(), model.getValue()));
            }
            todayTask = insertTask(db, 0, 1, HOSTILE_TITLE, "interactive",
                    "Write one HTML page where balls bounce under gravity; a click adds a ball.");
            oldTask = insertTask(db, 2, 1, OLD_TITLE, "productivity",
                    "Write one HTML page with a todo list whose items can be reordered by dragging.");
            int i = 0;
            for (var model : models.entrySet()) {
                insertRenderedSubmission(db, todayTask, model.getValue(), "Bouncing balls", i);
                if (model.getKey().equals("delta-v")) {
                    insertTimedOutSubmission(db, oldTask, model.getValue());
                } else {
                    insertRenderedSubmission(db, oldTask, model.getValue(), "Todo list", i);
                }
                i++;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed the UI fixtures", e);
        }
        given().header("x-cron-secret", cronSecret()).when().post("/api/pairs/generate").then().statusCode(200);
        seeded = true;
    }

    /**
     * A task whose voting has closed (three days old, four rendered solutions, every pair matched)
     * with counted votes on every match that encode the order of {@link #MODELS}: in each pair the
     * stronger model wins 15 of 20. The board counts only votes of closed tasks, so votes on today's
     * task would not show. Returns how many votes exist in total.
     */
    static synchronized int seedRankingVotes() {
        seed();
        if (votesSeeded > 0) {
            return votesSeeded;
        }
        List<String> order = new ArrayList<>(MODELS.keySet());
        try (Connection db = connect()) {
            rankedTask = insertTask(db, 3, 1, RANKED_TITLE, "interactive",
                    "Write one HTML page with a pendulum that swings under gravity.");
            List<UUID> submissions = new ArrayList<>();
            int i = 0;
            for (String slug : MODELS.keySet()) {
                UUID model;
                try (PreparedStatement st = db.prepareStatement("SELECT id FROM models WHERE slug = ?")) {
                    st.setString(1, slug);
                    model = returnedId(st);
                }
                insertRenderedSubmission(db, rankedTask, model, "Pendulum", i++);
                try (PreparedStatement st = db.prepareStatement(
                        "SELECT id FROM submissions WHERE task_id = ? AND model_id = ?")) {
                    st.setObject(1, rankedTask);
                    st.setObject(2, model);
                    submissions.add(returnedId(st));
                }
            }
            try (PreparedStatement st = db.prepareStatement(
                    "INSERT INTO matches (task_id, left_submission_id, right_submission_id) VALUES (?, ?, ?)")) {
                for (int l = 0; l < submissions.size(); l++) {
                    for (int r = l + 1; r < submissions.size(); r++) {
                        // alternate sides so that neither side always holds the stronger model
                        boolean swap = (l + r) % 2 == 1;
                        st.setObject(1, rankedTask);
                        st.setObject(2, submissions.get(swap ? r : l));
                        st.setObject(3, submissions.get(swap ? l : r));
                        st.addBatch();
                    }
                }
                st.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed the ranked task", e);
        }
        try (Connection db = connect();
             PreparedStatement matches = db.prepareStatement("""
                     SELECT m.id, lm.slug, rm.slug FROM matches m
                     JOIN submissions l ON l.id = m.left_submission_id JOIN models lm ON lm.id = l.model_id
                     JOIN submissions r ON r.id = m.right_submission_id JOIN models rm ON rm.id = r.model_id
                     WHERE m.task_id = ?""");
             PreparedStatement vote = db.prepareStatement("""
                     INSERT INTO votes (match_id, voter_key, ip_hash, outcome, counted, served_at, created_at)
                     VALUES (?, ?, ?, ?, true, now() - interval '2 minutes', now() - interval '1 minute')""");
             PreparedStatement count = db.prepareStatement("UPDATE matches SET vote_count = vote_count + 20 WHERE id = ?")) {
            matches.setObject(1, rankedTask);
            int n = 0;
            try (ResultSet rs = matches.executeQuery()) {
                while (rs.next()) {
                    UUID match = rs.getObject(1, UUID.class);
                    boolean leftStronger = order.indexOf(rs.getString(2)) < order.indexOf(rs.getString(3));
                    for (int k = 0; k < 20; k++) {
                        boolean strongerWins = k % 4 != 0;
                        vote.setObject(1, match);
                        vote.setString(2, "seed-voter-%05d".formatted(n));
                        vote.setString(3, "seed-ip-hash-%05d".formatted(n));
                        vote.setString(4, strongerWins == leftStronger ? "left" : "right");
                        vote.addBatch();
                        n++;
                    }
                    count.setObject(1, match);
                    count.addBatch();
                }
            }
            vote.executeBatch();
            count.executeBatch();
            votesSeeded = n;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed votes", e);
        }
        given().header("x-cron-secret", cronSecret()).when().post("/api/leaderboard/recompute").then().statusCode(200);
        return votesSeeded;
    }

    /**
     * A vote of the browser holding {@code cookie} on the closed task's match between the two models
     * with hostile names. Stored as not counted, so the seeded ranking stays as it is.
     */
    static synchronized UUID voteOnClosedTask(String cookie) {
        seed();
        java.nio.ByteBuffer id = java.nio.ByteBuffer.wrap(java.util.Base64.getUrlDecoder().decode(cookie.substring(0, cookie.indexOf('.'))));
        String voterKey = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.nio.ByteBuffer.allocate(16).putLong(id.getLong()).putLong(id.getLong()).array());
        try (Connection db = connect();
             PreparedStatement match = db.prepareStatement("""
                     WITH sides AS (
                       SELECT (SELECT s.id FROM submissions s JOIN models m ON m.id = s.model_id
                               WHERE s.task_id = ? AND m.slug = 'beta-script') AS l,
                              (SELECT s.id FROM submissions s JOIN models m ON m.id = s.model_id
                               WHERE s.task_id = ? AND m.slug = 'gamma-img') AS r)
                     INSERT INTO matches (task_id, left_submission_id, right_submission_id)
                     SELECT ?, l, r FROM sides
                     ON CONFLICT DO NOTHING""");
             PreparedStatement find = db.prepareStatement("""
                     SELECT m.id FROM matches m JOIN submissions l ON l.id = m.left_submission_id
                     JOIN models lm ON lm.id = l.model_id WHERE m.task_id = ? AND lm.slug = 'beta-script'""");
             PreparedStatement vote = db.prepareStatement("""
                     INSERT INTO votes (match_id, voter_key, ip_hash, outcome, counted, not_counted_reason, served_at, created_at)
                     VALUES (?, ?, 'ui-closed-task-ip', 'left', false, 'too_fast', now() - interval '2 days', now() - interval '2 days')
                     ON CONFLICT DO NOTHING""")) {
            match.setObject(1, oldTask);
            match.setObject(2, oldTask);
            match.setObject(3, oldTask);
            match.executeUpdate();
            find.setObject(1, oldTask);
            UUID matchId;
            try (ResultSet rs = find.executeQuery()) {
                rs.next();
                matchId = rs.getObject(1, UUID.class);
            }
            vote.setObject(1, matchId);
            vote.setString(2, voterKey);
            vote.executeUpdate();
            return matchId;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed a vote on the closed task", e);
        }
    }

    private static String cronSecret() {
        return ConfigProvider.getConfig().getValue("autobench.cron-secret", String.class);
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(UiDatabase.jdbcUrl(), TestPostgres.user(), TestPostgres.password());
    }

    private static UUID insertModel(Connection db, String slug, String displayName) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("""
                INSERT INTO models (slug, provider, api_model, display_name, input_usd_per_mtok, output_usd_per_mtok)
                VALUES (?, ?, ?, ?, 1.5, 6) RETURNING id""")) {
            st.setString(1, slug);
            st.setString(2, PROVIDERS.get(slug));
            st.setString(3, slug + "-2026");
            st.setString(4, displayName);
            return returnedId(st);
        }
    }

    private static UUID insertTask(Connection db, int daysAgo, int slot, String title, String category, String prompt)
            throws SQLException {
        try (PreparedStatement st = db.prepareStatement("""
                INSERT INTO tasks (task_date, slot, title, category, difficulty, spec, status,
                                   created_at, generated_at, dispatched_at)
                VALUES ((now() AT TIME ZONE 'UTC')::date - ?, ?, ?, ?, 'medium', jsonb_build_object('prompt', ?::text),
                        'dispatched', now() - make_interval(days => ?), now() - make_interval(days => ?),
                        now() - make_interval(days => ?))
                RETURNING id""")) {
            st.setInt(1, daysAgo);
            st.setInt(2, slot);
            st.setString(3, title);
            st.setString(4, category);
            st.setString(5, prompt);
            st.setInt(6, daysAgo);
            st.setInt(7, daysAgo);
            st.setInt(8, daysAgo);
            return returnedId(st);
        }
    }

    /** The page's text proves the frame loaded; the paragraph only changes if its script ran. */
    static String artifactHtml(String task, int index) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%1$s</title>
                <style>body{margin:0;padding:16px;font:16px sans-serif;background:#f8fafc;color:#0f172a}</style></head>
                <body><h1 id="marker">%1$s, take %2$d</h1><p id="js">scripts did not run</p>
                <canvas id="c" width="320" height="140"></canvas>
                <script>
                  document.getElementById('js').textContent = 'scripts ran';
                  const g = document.getElementById('c').getContext('2d');
                  for (let i = 0; i < 9; i++) { g.fillStyle = `hsl(${i * 40 + %2$d * 90}, 70%%, 50%%)`; g.fillRect(i * 34, 10, 28, 120); }
                </script></body></html>
                """.formatted(task, index + 1);
    }

    private static void insertRenderedSubmission(Connection db, UUID task, UUID model, String label, int index)
            throws SQLException {
        String html = artifactHtml(label, index);
        UUID submission;
        try (PreparedStatement st = db.prepareStatement("""
                INSERT INTO submissions (task_id, model_id, status, answer, code, input_tokens, output_tokens, cost_usd,
                                         latency_ms, attempts, finished_at)
                VALUES (?, ?, 'succeeded', ?, ?, ?, ?, ?, ?, 1, now()) RETURNING id""")) {
            st.setObject(1, task);
            st.setObject(2, model);
            st.setString(3, "```html\n" + html + "```");
            st.setString(4, html);
            st.setInt(5, 900 + index);
            st.setInt(6, 2000 + 400 * index);
            st.setBigDecimal(7, new java.math.BigDecimal("0.0%d1234".formatted(index + 1)));
            st.setInt(8, 4000 + 1500 * index);
            submission = returnedId(st);
        }
        try (PreparedStatement st = db.prepareStatement("""
                INSERT INTO artifacts (submission_id, status, html, sha256, size_bytes, screenshot_png, screenshot_status,
                                       viewport_width, viewport_height, js_errors, js_error_count, blank, render_ms, rendered_at)
                VALUES (?, 'rendered', ?, ?, ?, ?, 'captured', 1280, 800, ?::jsonb, ?, false, 850, now())""")) {
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            st.setObject(1, submission);
            st.setString(2, html);
            st.setString(3, sha256(bytes));
            st.setInt(4, bytes.length);
            st.setBytes(5, png(COLORS[index % COLORS.length], label + " " + (index + 1)));
            st.setString(6, index == 2 ? "[\"TypeError: x is undefined\"]" : "[]");
            st.setInt(7, index == 2 ? 1 : 0);
            st.executeUpdate();
        }
    }

    private static void insertTimedOutSubmission(Connection db, UUID task, UUID model) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("""
                INSERT INTO submissions (task_id, model_id, status, error_code, error_message, latency_ms, attempts, finished_at)
                VALUES (?, ?, 'failed', 'timeout', 'no answer within 180 s', 180000, 1, now())""")) {
            st.setObject(1, task);
            st.setObject(2, model);
            st.executeUpdate();
        }
    }

    private static UUID returnedId(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    /** A small but real PNG, as the renderer would store it (shapes only: no fonts needed in a headless JVM). */
    static byte[] png(Color color, String caption) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xf8fafc));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(0x0f172a));
        g.fillRect(20, 20, 40 + 24 * Math.floorMod(caption.hashCode(), 8), 16);
        g.setColor(color);
        g.fillRoundRect(20, 60, 280, 150, 16, 16);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
