package dev.autobench.local;

import java.util.Arrays;

/**
 * Entry point of {@code autobench-local.jar}, driven by the {@code ./autobench} script.
 *
 * <pre>
 *   db     --data DIR --port N            run PostgreSQL from Maven artifacts until stopped
 *   status --url JDBC --user U --password P [--date YYYY-MM-DD]
 *   logins --url JDBC --user OWNER --password P --passwords FILE   let the service roles log in
 *   close-day --url JDBC --user OWNER --password P --date YYYY-MM-DD   the local demo's day of history (see DemoHistory)
 * </pre>
 */
public final class LocalTool {

    private LocalTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "db" -> LocalDatabase.run(options);
            case "status" -> DayStatus.print(options, System.out);
            case "logins" -> RoleLogins.apply(options, System.out);
            case "close-day" -> DemoHistory.closeDay(options, System.out);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: autobench-local db --data DIR --port N | status --url JDBC --user U --password P [--date D]"
                + " | logins --url JDBC --user OWNER --password P --passwords FILE"
                + " | close-day --url JDBC --user OWNER --password P --date D");
        System.exit(2);
    }
}
