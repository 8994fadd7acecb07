package dev.autobench.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/** Entry point of {@code autobench-local.jar}, driven by the {@code ./autobench} script. */
@Command(name = "autobench-local", mixinStandardHelpOptions = true,
        subcommands = {LocalTool.Db.class, LocalTool.Status.class, LocalTool.Logins.class, LocalTool.CloseDay.class},
        description = "The local run's database, its status screen, the service roles' logins and the demo's day of history.")
public final class LocalTool {

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalTool()).execute(args));
    }

    @Command(name = "db", mixinStandardHelpOptions = true, description = "Run PostgreSQL from Maven artifacts until stopped.")
    static final class Db implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "data folder (kept between runs)")
        File data;

        @Option(names = "--port", defaultValue = "54329", description = "port on 127.0.0.1 (default ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--password", defaultValue = LocalDatabase.ROLE, description = "the owner role's password")
        String password;

        @Override
        public Integer call() throws Exception {
            LocalDatabase.run(data.getAbsoluteFile(), port, password);
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Tasks, submissions, artifacts, matches, votes and the leaderboard's top.")
    static final class Status implements Callable<Integer> {
        @Mixin
        OwnerLogin login;

        @Option(names = "--date", description = "the day (UTC; default today)")
        LocalDate date;

        @Override
        public Integer call() throws Exception {
            DayStatus.print(login, date != null ? date : LocalDate.now(ZoneOffset.UTC), System.out);
            return 0;
        }
    }

    @Command(name = "logins", mixinStandardHelpOptions = true, description = "Let the service roles log in, with the passwords of a role=password file.")
    static final class Logins implements Callable<Integer> {
        @Mixin
        OwnerLogin login;

        @Option(names = "--passwords", required = true, description = "file of role=password lines")
        Path passwords;

        @Override
        public Integer call() throws Exception {
            RoleLogins.apply(login, passwords, System.out);
            return 0;
        }
    }

    @Command(name = "close-day", mixinStandardHelpOptions = true,
            description = "The local demo's day of history: date a past day's tasks to the start of that day (see DemoHistory).")
    static final class CloseDay implements Callable<Integer> {
        @Mixin
        OwnerLogin login;

        @Option(names = "--date", required = true, description = "the past day (UTC)")
        LocalDate date;

        @Override
        public Integer call() throws Exception {
            DemoHistory.closeDay(login, date, System.out);
            return 0;
        }
    }
}
