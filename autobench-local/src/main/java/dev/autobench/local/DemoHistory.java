package dev.autobench.local;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The local demo's one day of history. The leaderboard, the pass rates and the reveal of who was who count only
 * tasks whose voting window has closed, so a first {@code ./autobench up} would show an empty board for a whole
 * window. The script therefore plays the day before through the same cron endpoints and then dates that day's
 * tasks as generated at the start of their date, the moment the generation CronJob would have run: with the default
 * 24 h window their voting has closed, and the board's pass-rate column and the Tasks page's reveal have a day to
 * show. Only the local run does this, and only on a database it has just created for the offline demo models.
 */
final class DemoHistory {

    private static final String CLOSE = """
            UPDATE tasks SET generated_at = (task_date::timestamp AT TIME ZONE 'UTC')
            WHERE task_date = ? AND (generated_at IS NULL OR generated_at > (task_date::timestamp AT TIME ZONE 'UTC'))""";

    private DemoHistory() {
    }

    static void closeDay(OwnerLogin login, LocalDate date, PrintStream out) throws SQLException {
        if (!date.isBefore(LocalDate.now(java.time.ZoneOffset.UTC))) {
            throw new IllegalArgumentException("only a past day can be closed, not " + date);
        }
        try (Connection c = login.connect()) {
            out.println(closeDay(c, date) + " task(s) of " + date + " dated to the start of their day");
        }
    }

    static int closeDay(Connection c, LocalDate date) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(CLOSE)) {
            st.setObject(1, date);
            return st.executeUpdate();
        }
    }
}
