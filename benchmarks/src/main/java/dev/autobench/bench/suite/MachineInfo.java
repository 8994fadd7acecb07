package dev.autobench.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The machine a run measured on, read from /proc and from the tools themselves. */
final class MachineInfo {

    private MachineInfo() {
    }

    static BenchFigures.Machine read() {
        return new BenchFigures.Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), memory(),
                String.join(" ", firstLines(2, "java", "-version")), String.join(" ", firstLines(1, "wrk", "-v")));
    }

    /** The three load averages of /proc/loadavg. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "? ? ?";
        }
    }

    private static String cpuModel() {
        try {
            Matcher m = Pattern.compile("(?m)^model name\\s*: (.*)$").matcher(Files.readString(Path.of("/proc/cpuinfo")));
            return m.find() ? m.group(1).strip() : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    /** As free -h would summarise it: total, and what is available now (the end of the run). */
    private static String memory() {
        try {
            String info = Files.readString(Path.of("/proc/meminfo"));
            return gib(info, "MemTotal") + " total, " + gib(info, "MemAvailable") + " available at the end of the run";
        } catch (IOException e) {
            return "?";
        }
    }

    private static String gib(String meminfo, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ":\\s+(\\d+) kB").matcher(meminfo);
        return m.find() ? String.format(Locale.ROOT, "%.1fGi", Long.parseLong(m.group(1)) / 1024.0 / 1024.0) : "?";
    }

    private static List<String> firstLines(int n, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out.lines().limit(n).toList();
        } catch (IOException e) {
            return List.of("?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("?");
        }
    }
}
