package dev.autobench.bench.drill;

import dev.autobench.bench.Bench;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restore path of the runbook on a real PostgreSQL: a base backup plus the archived WAL bring back every vote,
 * including those committed after the backup (the drill command, scripts/backup-restore-drill.sh).
 */
class BackupRestoreDrillTest {

    @Test
    void aBaseBackupPlusArchivedWalRestoresEveryVote() throws IOException {
        Assumptions.assumeTrue(postgresServerInstalled(),
                "ASSUMPTION: no PostgreSQL server binaries in /usr/lib/postgresql (Debian package postgresql); drill skipped");
        StringWriter output = new StringWriter();
        CommandLine cli = Bench.commandLine();
        cli.setOut(new PrintWriter(output, true)).setErr(new PrintWriter(output, true));

        // the drill bounds each of its waits itself (300 s, for a loaded machine)
        int exit = cli.execute("drill", "--votes-before", "1000", "--votes-after", "300");

        assertThat(exit).as(output.toString()).isZero();
        assertThat(output.toString())
                .contains("no vote lost: 1300 of 1300 votes restored, 300 of them from WAL written after the base backup");
    }

    private static boolean postgresServerInstalled() throws IOException {
        boolean root = "root".equals(System.getProperty("user.name"));
        // as root the drill runs PostgreSQL as the postgres user that Debian's package creates
        if (root && !Files.readString(Path.of("/etc/passwd")).contains("\npostgres:")) {
            return false;
        }
        return PostgresTools.find(System.getenv("PGBIN")).filter(bin -> Files.isExecutable(bin.resolve("pg_basebackup")))
                .isPresent();
    }
}
