package dev.autobench.bench.wrk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs wrk against one base URL with the suite's threads and connections, optionally with one of the Lua scripts of
 * bench/wrk (which read their settings from the environment), and keeps each report in a file.
 */
public final class Wrk {

    /** One wrk invocation: path on the base URL, script (or none), duration, environment for the script. */
    public record Load(String path, String script, String duration, Map<String, String> env) {
        public static Load of(String path, String duration) {
            return new Load(path, null, duration, Map.of());
        }

        public static Load scripted(String path, String script, String duration, Map<String, String> env) {
            return new Load(path, script, duration, env);
        }

        public Load lasting(String otherDuration) {
            return new Load(path, script, otherDuration, env);
        }
    }

    private final Path root;
    private final String baseUrl;
    private final int threads;
    private final int connections;
    private volatile Process running;

    public Wrk(Path root, String baseUrl, int threads, int connections) {
        this.root = root;
        this.baseUrl = baseUrl;
        this.threads = threads;
        this.connections = connections;
    }

    /** The command line as the report shows it, scripts' settings included, relative to the repository. */
    public String describe(Load load) {
        StringBuilder text = new StringBuilder();
        if (load.script() != null) {
            text.append("BENCH_WRK_DIR=bench/wrk WRK_THREADS=").append(threads).append(' ');
            load.env().forEach((k, v) -> text.append(k).append('=').append(v).append(' '));
        }
        return text + String.join(" ", arguments(load, true));
    }

    private List<String> arguments(Load load, boolean latency) {
        List<String> args = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + load.duration(),
                "--timeout", "10s"));
        if (latency) {
            args.add("--latency");
        }
        if (load.script() != null) {
            args.addAll(List.of("-s", "bench/wrk/" + load.script()));
        }
        args.add(baseUrl + load.path());
        return args;
    }

    /** Runs the load and parses its report, which is kept in {@code out}. */
    public WrkResult run(Load load, Path out) throws IOException, InterruptedException {
        String report = execute(load, out, true);
        return WrkResult.parse(report);
    }

    /** Runs the load for its side effects (warm-up, filling the voter pool); its report is kept, not parsed. */
    public void runUnmeasured(Load load, Path out) throws IOException, InterruptedException {
        execute(load, out, false);
    }

    private String execute(Load load, Path out, boolean latency) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(arguments(load, latency)).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        Map<String, String> env = new LinkedHashMap<>(load.env());
        env.put("BENCH_WRK_DIR", root.resolve("bench/wrk").toString());
        env.put("WRK_THREADS", Integer.toString(threads));
        pb.environment().putAll(env);
        running = pb.start();
        int exit = running.waitFor();
        running = null;
        String report = Files.readString(out);
        if (exit != 0) {
            throw new IOException("wrk failed (" + exit + "): " + describe(load) + "\n" + report);
        }
        return report;
    }

    /** Stops a run in progress (the suite is being interrupted). */
    public void stop() {
        Process p = running;
        if (p != null) {
            p.destroy();
        }
    }
}
