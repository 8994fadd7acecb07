package dev.autobench.bench.suite;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a command's own stack lives: the repository whose {@code ./autobench} starts it, its state folder and its
 * ports. Each command has its own defaults, so that the bench, the soak and a developer's stack run side by side.
 */
public final class StackOptions {

    @Option(names = "--root", defaultValue = ".", description = "the repository (default: the working directory)")
    Path root;

    @Option(names = "--home", description = "the stack's state folder (AUTOBENCH_HOME; default .autobench-<command>)")
    Path home;

    @Option(names = "--db-port", description = "the stack's PostgreSQL port (AUTOBENCH_DB_PORT)")
    Integer dbPort;

    @Option(names = "--port-base", description = "the stack's arena port; generator, dispatcher, renderer on the next"
            + " three (AUTOBENCH_PORT_BASE)")
    Integer portBase;

    public Path root() {
        return root.toAbsolutePath().normalize();
    }

    /** The stack these options describe, each unset one at the command's default. */
    public LocalStack stack(String defaultHome, int defaultDbPort, int defaultPortBase, Map<String, String> settings) {
        Path state = home != null ? home.toAbsolutePath() : root().resolve(defaultHome);
        return new LocalStack(root(), state, dbPort != null ? dbPort : defaultDbPort,
                portBase != null ? portBase : defaultPortBase, settings);
    }

    /**
     * Refuses to go on when a port of the stack is taken: every command starts a stack of its own and would
     * otherwise measure, or stop, whatever already listens there.
     */
    public void requireFreePorts(LocalStack stack) {
        List<Integer> busy = stack.busyPorts();
        if (!busy.isEmpty()) {
            throw new StackFailure("ports " + busy + " are in use: this command starts its own stack ("
                    + stack.describe() + "; --port-base, --db-port move it)");
        }
    }
}
