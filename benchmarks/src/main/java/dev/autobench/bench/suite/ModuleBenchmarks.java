package dev.autobench.bench.suite;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The modules' own benchmark classes (JUnit, tag "benchmark"), run as their poms say, with the stack stopped; their
 * printed figures are kept for the report.
 */
final class ModuleBenchmarks {

    private record Module(String name, String module, String testClass, List<String> flags) {
    }

    private static final List<Module> MODULES = List.of(
            new Module("ranking", "arena-service", "RankingBenchmark", List.of("-Darena.excludedGroups=none")),
            new Module("renderer", "renderer-service", "RenderThroughputBenchmarkTest", List.of()),
            new Module("dispatch-wiremock", "dispatcher-service", "DispatchWallTimeBenchmark",
                    List.of("-DexcludedGroups=none")));

    private final Path root;
    private final Path results;
    private final String mvnFlags;

    ModuleBenchmarks(Path root, Path results, String mvnFlags) {
        this.root = root;
        this.results = results;
        this.mvnFlags = mvnFlags;
    }

    void runAll(Map<String, BenchFigures.ModuleRun> runs, Consumer<String> step) throws IOException, InterruptedException {
        for (Module m : MODULES) {
            step.accept("module " + m.name());
            runs.put(m.name(), run(m));
        }
    }

    private BenchFigures.ModuleRun run(Module m) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("./mvnw", "-B"));
        if (!mvnFlags.isBlank()) {
            command.addAll(List.of(mvnFlags.trim().split("\\s+")));
        }
        command.addAll(List.of("-pl", m.module(), "test", "-Dgroups=benchmark"));
        command.addAll(m.flags());
        command.addAll(List.of("-Dtest=" + m.testClass(), "-Dsurefire.failIfNoSpecifiedTests=false"));
        String text = String.join(" ", command);
        Path out = results.resolve("module-" + m.name() + ".txt");
        if (!hasTestClass(m)) {
            BenchSuite.warn(m.module() + " has no " + m.testClass() + ": its figures are missing from the report");
            return new BenchFigures.ModuleRun(text, "missing: " + m.module() + " has no " + m.testClass());
        }
        BenchSuite.say(text);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(new File("/dev/null"));
        // the modules' tests configure themselves (%test profile): none of a stack's variables may leak into them
        pb.environment().keySet().removeIf(k -> k.startsWith("AUTOBENCH_") || k.startsWith("QUARKUS_"));
        if (pb.start().waitFor() != 0) {
            BenchSuite.warn(m.name() + " benchmark failed (log: " + out + ")");
        }
        return new BenchFigures.ModuleRun(text, Files.readString(out));
    }

    private boolean hasTestClass(Module m) throws IOException {
        Path tests = root.resolve(m.module()).resolve("src/test");
        if (!Files.isDirectory(tests)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(tests)) {
            return files.anyMatch(p -> p.getFileName().toString().equals(m.testClass() + ".java"));
        }
    }
}
