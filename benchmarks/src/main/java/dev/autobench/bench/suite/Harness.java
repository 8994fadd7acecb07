package dev.autobench.bench.suite;

import dev.autobench.bench.Bench;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

/** Runs one of the CLI's own measurement commands in this process, echoing its lines indented and keeping them. */
final class Harness {

    private Harness() {
    }

    /** The command's output lines; a failing command throws with what it printed on stderr. */
    static List<String> run(String... args) {
        StringWriter kept = new StringWriter();
        StringWriter errors = new StringWriter();
        Writer echo = new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(char[] buffer, int offset, int length) {
                kept.write(buffer, offset, length);
                for (int i = offset; i < offset + length; i++) {
                    if (buffer[i] == '\n') {
                        System.out.println("    " + line);
                        line.setLength(0);
                    } else {
                        line.append(buffer[i]);
                    }
                }
            }

            @Override
            public void flush() {
                System.out.flush();
            }

            @Override
            public void close() {
            }
        };
        CommandLine cli = Bench.commandLine();
        cli.setOut(new PrintWriter(echo, true)).setErr(new PrintWriter(errors, true));
        int exit = cli.execute(args);
        if (exit != 0) {
            throw new StackFailure(args[0] + " failed: " + errors.toString().strip());
        }
        return kept.toString().lines().filter(l -> !l.isBlank()).toList();
    }
}
