package dev.autobench.bench.report;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The figures the modules' own benchmark classes print, read from their Maven output. */
final class ModuleFigures {

    /** One line of RankingBenchmark's table. */
    record Ranking(long votes, int models, long firstMs, long bestMs, Long cpuMs) {
    }

    /** DispatchWallTimeBenchmark's wall time and sequential sum. */
    record WireMockDispatch(long wallMs, long sumMs) {
    }

    /** One RenderThroughputBenchmarkTest line: "concurrency 2" and what follows its colon. */
    record Render(String what, String figure) {
    }

    private static final Pattern RANKING =
            Pattern.compile("(?m)^ *(\\d+) +(\\d+) +(\\d+) +(\\d+)(?: +(\\d+))? *$");
    private static final Pattern RENDER = Pattern.compile("(?m)^(concurrency \\d+): *(.*)$");
    private static final Pattern WALL = Pattern.compile("(?m)^dispatch wall time *(\\d+)");
    private static final Pattern SUM = Pattern.compile("(?m)^sequential sum *(\\d+)");

    private ModuleFigures() {
    }

    static List<Ranking> ranking(String output) {
        return RANKING.matcher(output).results().map(m -> new Ranking(Long.parseLong(m.group(1)),
                Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                m.group(5) == null ? null : Long.valueOf(m.group(5)))).toList();
    }

    static List<Render> renderer(String output) {
        return RENDER.matcher(output).results().map(m -> new Render(m.group(1), m.group(2).strip())).toList();
    }

    static Optional<WireMockDispatch> wireMockDispatch(String output) {
        Matcher wall = WALL.matcher(output);
        Matcher sum = SUM.matcher(output);
        if (!wall.find() || !sum.find()) {
            return Optional.empty();
        }
        return Optional.of(new WireMockDispatch(Long.parseLong(wall.group(1)), Long.parseLong(sum.group(1))));
    }

    /** The first line of an output that has no figure, to say why. */
    static String firstLine(String output) {
        return output == null || output.isBlank() ? "" : output.lines().findFirst().orElse("");
    }
}
