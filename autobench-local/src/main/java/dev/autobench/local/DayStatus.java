package dev.autobench.local;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The operator's one-screen view of a day: what was generated, called, rendered, paired and voted. */
final class DayStatus {

    private DayStatus() {
    }

    static void print(OwnerLogin login, LocalDate date, PrintStream out) throws SQLException {
        try (Connection c = login.connect()) {
            out.println("AutoBench status for " + date + " (UTC)");
            out.println();
            out.println("Tasks:");
            rows(c, out, "  %s. %-44s %-14s %s",
                    "SELECT slot, title, category, status FROM tasks WHERE task_date = ? ORDER BY slot", date, 4);
            out.println();
            out.println("Submissions: " + summary(c, """
                    SELECT s.status, count(*) FROM submissions s JOIN tasks t ON t.id = s.task_id
                    WHERE t.task_date = ? GROUP BY s.status ORDER BY s.status""", date));
            out.println("Failures:    " + summary(c, """
                    SELECT s.error_code, count(*) FROM submissions s JOIN tasks t ON t.id = s.task_id
                    WHERE t.task_date = ? AND s.status = 'failed' GROUP BY s.error_code ORDER BY 1""", date));
            out.println("Calls:       " + summary(c, """
                    SELECT p.outcome, count(*) FROM provider_calls p JOIN submissions s ON s.id = p.submission_id
                    JOIN tasks t ON t.id = s.task_id WHERE t.task_date = ? GROUP BY p.outcome ORDER BY 1""", date));
            out.println("Artifacts:   " + summary(c, """
                    SELECT a.status, count(*) FROM artifacts a JOIN submissions s ON s.id = a.submission_id
                    JOIN tasks t ON t.id = s.task_id WHERE t.task_date = ? GROUP BY a.status ORDER BY 1""", date));
            out.println("Matches:     " + summary(c, """
                    SELECT 'matches', count(*) FROM matches m JOIN tasks t ON t.id = m.task_id WHERE t.task_date = ?""", date));
            out.println("Votes:       " + summary(c, """
                    SELECT CASE WHEN v.counted THEN 'counted' ELSE 'not counted' END, count(*) FROM votes v
                    JOIN matches m ON m.id = v.match_id JOIN tasks t ON t.id = m.task_id
                    WHERE t.task_date = ? GROUP BY 1 ORDER BY 1""", date));
            out.println();
            out.println("Leaderboard (all days, latest snapshot; computed once votes arrive):");
            rows(c, out, "  %s. %-36s %7s  [%s, %s]  %s votes", """
                    SELECT m->>'rank', coalesce(m->>'displayName', m->>'model'), round((m->>'rating')::numeric),
                           round((m->>'ciLow')::numeric), round((m->>'ciHigh')::numeric), m->>'votes'
                    FROM (SELECT body FROM leaderboard_snapshots WHERE category = 'all'
                          ORDER BY computed_at DESC LIMIT 1) s,
                         jsonb_array_elements(s.body->'models') m
                    WHERE ? IS NOT NULL
                    ORDER BY (m->>'rating')::numeric DESC LIMIT 10""", date, 6);
        }
    }

    private static String summary(Connection c, String sql, LocalDate date) throws SQLException {
        StringBuilder line = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, date);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    line.append(line.length() == 0 ? "" : ", ").append(rs.getString(2)).append(' ').append(rs.getString(1));
                }
            }
        }
        return line.length() == 0 ? "none" : line.toString();
    }

    private static void rows(Connection c, PrintStream out, String format, String sql, LocalDate date, int columns)
            throws SQLException {
        int count = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, date);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> values = new ArrayList<>(columns);
                    for (int column = 1; column <= columns; column++) {
                        values.add(rs.getString(column));
                    }
                    out.println(String.format(format, values.toArray()));
                    count++;
                }
            }
        }
        if (count == 0) {
            out.println("  none");
        }
    }
}
