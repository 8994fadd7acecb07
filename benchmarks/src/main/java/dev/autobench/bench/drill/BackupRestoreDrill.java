package dev.autobench.bench.drill;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * What the production backups (CloudNativePG, Barman Cloud: a base backup plus continuous WAL archiving) promise,
 * proved on a local PostgreSQL: a primary archives its WAL to a folder (the object store's stand-in); votes, a base
 * backup taken without WAL ({@code -X none}, like barman-cloud-backup), more votes in separate commits, the last
 * segment closed and archived; the primary is destroyed; the base backup replays the archive to its end and is
 * promoted, as CloudNativePG's recovery bootstrap does; every committed vote must be there (same count, same md5 of
 * every row in id order). Unix sockets only, in a temporary folder removed afterwards.
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Backup and restore drill on a local PostgreSQL: base backup + archived WAL lose no vote.")
public final class BackupRestoreDrill implements Callable<Integer> {

    @Option(names = "--votes-before", defaultValue = "2000", description = "votes before the base backup")
    int votesBefore;

    @Option(names = "--votes-after", defaultValue = "500", description = "votes after it, in commits of 100 or fewer")
    int votesAfter;

    @Option(names = "--pgbin", defaultValue = "${env:PGBIN:-}", description = "PostgreSQL's server binaries")
    String pgbin;

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    private static final String VOTES_TABLE = """
            CREATE TABLE votes (
                id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                match_id    uuid NOT NULL,
                voter_key   text NOT NULL,
                outcome     text NOT NULL CHECK (outcome IN ('left', 'right', 'tie', 'both_bad')),
                created_at  timestamptz NOT NULL DEFAULT now(),
                UNIQUE (match_id, voter_key))""";
    private static final String CHECKSUM = "SELECT md5(string_agg(v::text, ',' ORDER BY id)) FROM votes v";

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Path bin = PostgresTools.find(pgbin).orElse(null);
        if (bin == null) {
            spec.commandLine().getErr().println("PostgreSQL server binaries not found (set PGBIN, or apt-get install postgresql)");
            return 3;
        }
        Path work = Files.createTempDirectory("autobench-drill.");
        Path primary = work.resolve("primary");
        Path restored = work.resolve("restored");
        Path archive = Files.createDirectories(work.resolve("wal-archive"));
        Path socket = Files.createDirectories(work.resolve("sock"));
        PostgresTools pg = new PostgresTools(bin, socket);
        try {
            if (pg.asRoot()) {
                new ProcessBuilder("chown", "-R", "postgres", work.toString()).inheritIO().start().waitFor();
            }
            return drill(pg, bin, work, primary, restored, archive, socket);
        } finally {
            pg.stopImmediately(primary);
            pg.stopImmediately(restored);
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private int drill(PostgresTools pg, Path bin, Path work, Path primary, Path restored, Path archive, Path socket)
            throws Exception {
        say("primary with WAL archiving (" + bin + ")");
        pg.run("initdb", "-D", primary.toString(), "-U", "autobench", "--auth=trust");
        append(pg, primary.resolve("postgresql.conf"), "listen_addresses = ''\nunix_socket_directories = '" + socket
                + "'\nport = 5432\nwal_level = replica\narchive_mode = on\narchive_command = 'test ! -f " + archive
                + "/%f && cp %p " + archive + "/%f'\n");
        pg.start(primary);
        pg.run("createdb", "-h", socket.toString(), "-p", "5432", "-U", "autobench", "autobench");
        pg.sql(5432, VOTES_TABLE);

        say(votesBefore + " votes before the base backup");
        vote(pg, votesBefore);
        say("base backup (pg_basebackup -X none: its WAL comes from the archive, as with barman-cloud)");
        Path base = work.resolve("base-backup");
        pg.run("pg_basebackup", "-h", socket.toString(), "-p", "5432", "-U", "autobench", "-D", base.toString(),
                "-X", "none", "-c", "fast");
        say(votesAfter + " votes after the base backup, in commits of 100 or fewer");
        vote(pg, votesAfter);

        String lastWal = pg.sql(5432, "SELECT pg_walfile_name(pg_switch_wal())");
        say("closed WAL segment " + lastWal + "; waiting for it to be archived");
        waitFor("the archive of " + lastWal, () -> Files.exists(archive.resolve(lastWal)));
        String expectedCount = pg.sql(5432, "SELECT count(*) FROM votes");
        String expectedSum = pg.sql(5432, CHECKSUM);

        say("the primary is lost");
        pg.stopImmediately(primary);
        pg.run("/bin/rm", "-rf", primary.toString());

        say("restore: base backup + WAL replay from the archive to its end, then promotion");
        pg.run("/bin/cp", "-a", base.toString(), restored.toString());
        append(pg, restored.resolve("postgresql.conf"), "port = 5433\nrestore_command = 'cp " + archive
                + "/%f %p'\narchive_mode = off\n");
        pg.run("/usr/bin/touch", restored.resolve("recovery.signal").toString());
        pg.start(restored);
        waitFor("the restored cluster to finish recovery", () -> {
            try {
                return pg.sql(5433, "SELECT pg_is_in_recovery()").equals("f");
            } catch (Exception notYet) {
                return false;
            }
        });
        String restoredCount = pg.sql(5433, "SELECT count(*) FROM votes");
        String restoredSum = pg.sql(5433, CHECKSUM);
        out.println("votes on the primary: " + expectedCount + " (md5 " + expectedSum + ")");
        out.println("votes restored:       " + restoredCount + " (md5 " + restoredSum + ")");
        if (expectedCount.equals(restoredCount) && expectedSum.equals(restoredSum)
                && expectedCount.equals(Integer.toString(votesBefore + votesAfter))) {
            out.println("no vote lost: " + restoredCount + " of " + expectedCount + " votes restored, "
                    + votesAfter + " of them from WAL written after the base backup");
            return 0;
        }
        spec.commandLine().getErr().println("VOTES LOST OR CHANGED");
        return 1;
    }

    /** Each 100 votes their own commit. */
    private static void vote(PostgresTools pg, int votes) throws IOException, InterruptedException {
        for (int i = 0; i < votes; i += 100) {
            pg.sql(5432, "INSERT INTO votes (match_id, voter_key, outcome) SELECT gen_random_uuid(), 'voter-' || g,"
                    + " (ARRAY['left','right','tie','both_bad'])[1 + g % 4] FROM generate_series(1, "
                    + Math.min(100, votes - i) + ") g");
        }
    }

    /** The configuration file belongs to postgres when run as root: appended through a program run as postgres. */
    private static void append(PostgresTools pg, Path file, String lines) throws IOException, InterruptedException {
        Path extra = Files.createTempFile(file.getParent().getParent(), "conf", ".txt");
        Files.writeString(extra, lines);
        extra.toFile().setReadable(true, false);
        pg.run("/bin/sh", "-c", "cat '" + extra + "' >> '" + file + "'");
    }

    /** A condition with a generous deadline (the machine may be busy): never a fixed sleep. */
    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(500);
        }
    }

    private void say(String text) {
        out.println("== " + text);
        out.flush();
    }
}
