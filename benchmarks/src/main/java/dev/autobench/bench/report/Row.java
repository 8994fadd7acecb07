package dev.autobench.bench.report;

/** One line of the figures table: what was measured, the figure, the target it answers (or ""), the command. */
public record Row(String what, String figure, String target, String command) {
}
