package dev.autobench.bench.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * PostgreSQL's own programs (initdb, pg_ctl, psql, pg_basebackup) run over a Unix socket in one folder. As root they
 * run as the postgres user, as PostgreSQL refuses to run as root.
 */
final class PostgresTools {

    private final Path bin;
    private final Path socket;
    private final boolean root;

    PostgresTools(Path bin, Path socket) {
        this.bin = bin;
        this.socket = socket;
        this.root = "root".equals(System.getProperty("user.name"));
    }

    /** PGBIN, or the newest /usr/lib/postgresql/&lt;version&gt;/bin. */
    static Optional<Path> find(String pgbin) throws IOException {
        if (pgbin != null && !pgbin.isBlank()) {
            return Optional.of(Path.of(pgbin)).filter(p -> Files.isExecutable(p.resolve("initdb")));
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.map(d -> d.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())));
        }
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    boolean asRoot() {
        return root;
    }

    /** Runs one of PostgreSQL's programs; its standard output, trimmed; a failure throws with what it printed. */
    String run(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(program.startsWith("/") ? program : bin.resolve(program).toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** One statement through psql on the cluster at {@code port}; its unaligned, tuples-only answer. */
    String sql(int port, String statement) throws IOException, InterruptedException {
        return run("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", socket.toString(), "-p",
                Integer.toString(port), "-U", "autobench", "-d", "autobench", "-c", statement);
    }

    void start(Path data) throws IOException, InterruptedException {
        run("pg_ctl", "-D", data.toString(), "-l", data + ".log", "-w", "-t", "300", "start");
    }

    void stopImmediately(Path data) {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                run("pg_ctl", "-D", data.toString(), "-m", "immediate", "stop");
            } catch (Exception alreadyStopped) {
                // nothing left to stop
            }
        }
    }
}
