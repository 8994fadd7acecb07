package dev.autobench.bench;

import dev.autobench.bench.drill.BackupRestoreDrill;
import dev.autobench.bench.soak.Soak;
import dev.autobench.bench.suite.BenchSuite;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code autobench-benchmarks.jar}: the benchmark suite behind {@code ./autobench bench}, the soak,
 * and the single measurements they are made of, each usable on its own (see bench/README.md).
 */
@Command(name = "autobench-benchmarks", mixinStandardHelpOptions = true,
        subcommands = {BenchSuite.class, Soak.class, DispatchWallTime.class, StoredVotes.class, JfrHotspots.class,
                Spike.class, BackupRestoreDrill.class},
        description = "AutoBench's benchmarks: the suite that writes docs/benchmarks.md, the soak, and their parts.")
public final class Bench {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand; a failure prints its message, not a stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new Bench()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("xx " + e.getMessage());
            if (System.getenv("BENCH_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
    }
}
