package dev.autobench.bench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The voters new-voters.lua collected, one "cookie TAB token" line each, in one file per wrk thread
 * (voters.out.&lt;thread&gt;); votes.lua and returning-voters.lua read them merged into one file.
 */
final class VoterPool {

    private VoterPool() {
    }

    static long size(Path results) {
        return parts(results).stream().mapToLong(VoterPool::lines).sum();
    }

    /** Writes every part into {@code merged}; the number of voters. */
    static long merge(Path results, Path merged) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path part : parts(results)) {
            all.append(Files.readString(part));
        }
        Files.writeString(merged, all);
        return all.chars().filter(c -> c == '\n').count();
    }

    private static List<Path> parts(Path results) {
        try (Stream<Path> files = Files.list(results)) {
            return files.filter(p -> p.getFileName().toString().startsWith("voters.out.")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
