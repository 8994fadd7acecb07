package dev.autobench.deploy;

import dev.autobench.deploy.support.Repo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restore path of the runbook on a real PostgreSQL: a base backup plus the archived WAL bring
 * back every vote, including those committed after the backup (scripts/backup-restore-drill.sh).
 */
class BackupRestoreDrillTest {

    private static final Path SCRIPT = Repo.root().resolve("scripts/backup-restore-drill.sh");

    @Test
    void aBaseBackupPlusArchivedWalRestoresEveryVote() throws IOException, InterruptedException {
        Assumptions.assumeTrue(postgresServerInstalled(),
                "ASSUMPTION: no PostgreSQL server binaries in /usr/lib/postgresql (Debian package postgresql); drill skipped");
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), "--votes-before", "1000", "--votes-after", "300")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // The script bounds each of its waits itself; this only guards against a hung process.
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the drill did not finish:\n" + output);
        }
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("no vote lost: 1300 of 1300 votes restored, 300 of them from WAL written after the base backup");
    }

    private static boolean postgresServerInstalled() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        boolean root = "root".equals(System.getProperty("user.name"));
        // As root the script runs PostgreSQL as the postgres user that Debian's package creates.
        if (!Files.isDirectory(versions) || root && !Files.readString(Path.of("/etc/passwd")).contains("\npostgres:")) {
            return false;
        }
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.anyMatch(d -> Files.isExecutable(d.resolve("bin/initdb")) && Files.isExecutable(d.resolve("bin/pg_basebackup")));
        }
    }
}
