package dev.autobench.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Where the CPU went in a JFR recording: the hottest methods (top of stack), the share of samples that passed
 * through each layer (HTTP server, REST, JSON, JDBC, Hibernate, AutoBench's own code), and the hottest AutoBench
 * methods counting everything they called. Plain {@code jfr print} output is thousands of stacks; this is the summary
 * a reader of docs/benchmarks.md needs.
 */
@Command(name = "jfr-hotspots", mixinStandardHelpOptions = true,
        description = "Summarise a JFR recording: layers, hottest methods, hottest AutoBench methods.")
final class JfrHotspots implements Callable<Integer> {

    @Option(names = "--file", required = true, description = "the recording (.jfr)")
    Path file;

    @Option(names = "--top", defaultValue = "12", description = "methods per list (default ${DEFAULT-VALUE})")
    int top;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        print(file, top, out);
        out.flush();
        return 0;
    }


    /** Package prefixes of the layers a request crosses, in the order a reader expects them. */
    static final Map<String, List<String>> LAYERS = layers();


    private static Map<String, List<String>> layers() {
        Map<String, List<String>> layers = new LinkedHashMap<>();
        layers.put("netty/vert.x (HTTP server, event loop)", List.of("io.netty.", "io.vertx."));
        layers.put("RESTEasy Reactive / Quarkus HTTP", List.of("org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive.",
                "io.quarkus.vertx.http."));
        layers.put("Jackson (JSON)", List.of("com.fasterxml.jackson."));
        layers.put("Hibernate ORM", List.of("org.hibernate."));
        layers.put("Agroal pool + Narayana transactions", List.of("io.agroal.", "com.arjuna.", "io.quarkus.narayana."));
        layers.put("PostgreSQL JDBC driver", List.of("org.postgresql."));
        layers.put("Micrometer (metrics)", List.of("io.micrometer.", "io.quarkus.micrometer."));
        layers.put("crypto (HMAC, SHA-256)", List.of("javax.crypto.", "sun.security.", "com.sun.crypto."));
        layers.put("AutoBench code", List.of("dev.autobench."));
        return layers;
    }

    static void print(Path file, int top, PrintWriter out) throws IOException {
        Map<String, Integer> selfFrames = new HashMap<>();
        Map<String, Integer> appFrames = new HashMap<>();
        Map<String, Integer> layerSamples = new LinkedHashMap<>();
        LAYERS.keySet().forEach(layer -> layerSamples.put(layer, 0));
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            RecordedStackTrace stack = event.getStackTrace();
            List<RecordedFrame> frames = stack.getFrames();
            if (!frames.isEmpty()) {
                selfFrames.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> layersSeen = new HashSet<>();
            Set<String> appSeen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
                    if (layer.getValue().stream().anyMatch(name::startsWith)) {
                        layersSeen.add(layer.getKey());
                    }
                }
                if (name.startsWith("dev.autobench.")) {
                    appSeen.add(name);
                }
            }
            layersSeen.forEach(layer -> layerSamples.merge(layer, 1, Integer::sum));
            appSeen.forEach(method -> appFrames.merge(method, 1, Integer::sum));
        }
        out.printf("%d CPU samples (jdk.ExecutionSample) in %s%n", samples, file.getFileName());
        if (samples == 0) {
            return;
        }
        out.println("share of samples passing through each layer (a sample can pass through several):");
        for (Map.Entry<String, Integer> layer : layerSamples.entrySet()) {
            out.printf("  %5.1f%%  %s%n", 100.0 * layer.getValue() / samples, layer.getKey());
        }
        out.println("hottest methods (top of stack, self time):");
        printTop(selfFrames, samples, top, out);
        out.println("hottest AutoBench methods (including what they call):");
        printTop(appFrames, samples, top, out);
    }

    private static void printTop(Map<String, Integer> counts, int samples, int top, PrintWriter out) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        if (frame.getMethod() == null || frame.getMethod().getType() == null) {
            return "?";
        }
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
