package dev.autobench.bench.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autobench.bench.wrk.WrkResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one bench run measured, kept as JSON beside the raw outputs so that {@code suite --report-only} can
 * write docs/benchmarks.md again (after bench/analysis.md was edited) without measuring again.
 */
public final class BenchFigures {

    /** One service's launch: time to ready, Quarkus' own "started in", RSS idle and after a day. */
    public record ServiceStart(long readyMs, String startedIn, long rssStartMb, long rssDayMb) {
    }

    /** One wrk run: the command as a reader would type it, what wrk reported, and where the CPU went. */
    public record WrkRun(String command, WrkResult result, String cpu) {
    }

    /** The votes run checked against the database: sent, answered, answered 201, rows added to votes. */
    public record Votes(long sent, long answered, long created, long stored) {
    }

    /** A module's own benchmark (JUnit, tag "benchmark"): the command and its output. */
    public record ModuleRun(String command, String output) {
    }

    /** The machine the run measured on. */
    public record Machine(String cpuModel, int cores, String memory, String java, String wrk) {
    }

    public String runDate = "";
    public Machine machine = new Machine("?", 1, "?", "?", "?");
    public int dbPort;
    public int portBase;
    public String duration = "";
    public Map<String, ServiceStart> services = new LinkedHashMap<>();
    public Map<String, WrkRun> wrk = new LinkedHashMap<>();
    public long rssLoadedMb;
    public long rssDispatcherLoadedMb;
    public Votes votes = new Votes(0, 0, 0, 0);
    public String artifactPath = "";
    public long spikeRate;
    public String spikeCommand = "";
    public List<String> spikeLines = new ArrayList<>();
    public String dispatchCommand = "";
    public List<String> dispatchLines = new ArrayList<>();
    public Map<String, String> profiles = new LinkedHashMap<>();
    public List<String> loads = new ArrayList<>();
    public boolean modules;
    public Map<String, ModuleRun> moduleRuns = new LinkedHashMap<>();
    /** Each service's size on disk in MB: target/quarkus-app/ for the JVM, the executable for native. */
    public Map<String, Long> sizeOnDiskMb = new LinkedHashMap<>();
    /**
     * The same launches and arena runs on the native executables, in a second stack after this one (suite --native);
     * null when the run measured the JVM only.
     */
    public BenchFigures nativeExecutables;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static BenchFigures read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), BenchFigures.class);
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public WrkResult result(String run) {
        WrkRun r = wrk.get(run);
        if (r == null) {
            throw new IllegalStateException("no wrk run named " + run + " in this bench run");
        }
        return r.result();
    }

    /** Requests per second as the report shows them: whole numbers. */
    public long rps(String run) {
        return wrk.containsKey(run) ? Math.round(result(run).requestsPerSecond()) : 0;
    }

    /** The leaderboard's baseline: the trivial endpoint just before and just after it. */
    public long leaderboardBaseline() {
        return (rps("live-5") + rps("live-6")) / 2;
    }
}
