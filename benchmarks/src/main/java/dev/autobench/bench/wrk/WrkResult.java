package dev.autobench.bench.wrk;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code wrk --latency} run printed, read from its text report: throughput, bytes per second, the 50th
 * and 99th latency percentiles, and what our Lua scripts add at the end ({@code statuses 201=12 409=1},
 * {@code sent N}, {@code exhausted N}). A run without a script has no status counts; wrk's own
 * "Non-2xx or 3xx responses" line stands in for them.
 *
 * @param requestsPerSecond wrk's "Requests/sec"
 * @param bytesPerSecond    wrk's "Transfer/sec", in bytes
 * @param p50Ms             the "50%" line of the latency distribution, in milliseconds
 * @param p99Ms             the "99%" line, in milliseconds
 * @param statuses          answers by HTTP status, as counted by a Lua script (empty without one)
 * @param non2xx            wrk's count of answers that were neither 2xx nor 3xx
 * @param sent              requests a script counted as sent (-1 when it does not count them)
 * @param exhausted         threads that ran out of voters (votes.lua; 0 otherwise)
 */
public record WrkResult(double requestsPerSecond, double bytesPerSecond, double p50Ms, double p99Ms,
                        Map<Integer, Long> statuses, long non2xx, long sent, long exhausted) {

    private static final Pattern RPS = Pattern.compile("(?m)^Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TRANSFER = Pattern.compile("(?m)^Transfer/sec:\\s+([0-9.]+)([KMGT]?B)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern STATUSES = Pattern.compile("(?m)^statuses(.*)$");
    private static final Pattern SENT = Pattern.compile("(?m)^sent (\\d+)$");
    private static final Pattern EXHAUSTED = Pattern.compile("(?m)^exhausted (\\d+)$");

    public static WrkResult parse(String report) {
        Matcher rps = RPS.matcher(report);
        if (!rps.find()) {
            throw new IllegalArgumentException("not a wrk report (no Requests/sec line): "
                    + report.substring(0, Math.min(300, report.length())));
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        Matcher line = STATUSES.matcher(report);
        if (line.find()) {
            for (String pair : line.group(1).trim().split("\\s+")) {
                if (!pair.isEmpty()) {
                    String[] kv = pair.split("=", 2);
                    statuses.put(Integer.parseInt(kv[0]), Long.parseLong(kv[1]));
                }
            }
        }
        return new WrkResult(Double.parseDouble(rps.group(1)), transfer(report), percentile(report, "50%"),
                percentile(report, "99%"), Map.copyOf(statuses), count(NON_2XX, report, 0), count(SENT, report, -1),
                count(EXHAUSTED, report, 0));
    }

    /** wrk prints durations as 850.00us, 2.21ms, 1.02s or 1.00m. */
    static double millis(String duration) {
        Matcher m = Pattern.compile("([0-9.]+)(us|ms|s|m)").matcher(duration);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a wrk duration: " + duration);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            default -> value;
        };
    }

    private static double percentile(String report, String which) {
        // wrk pads a short figure with trailing spaces ("1.15s ")
        Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(which) + "\\s+(\\S+)\\s*$").matcher(report);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + which + " latency line: was wrk run with --latency?");
        }
        return millis(m.group(1));
    }

    private static double transfer(String report) {
        Matcher m = TRANSFER.matcher(report);
        if (!m.find()) {
            return 0;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "KB" -> value * 1024;
            case "MB" -> value * 1024 * 1024;
            case "GB" -> value * 1024 * 1024 * 1024;
            case "TB" -> value * 1024 * 1024 * 1024 * 1024;
            default -> value;
        };
    }

    private static long count(Pattern pattern, String report, long absent) {
        Matcher m = pattern.matcher(report);
        return m.find() ? Long.parseLong(m.group(1)) : absent;
    }

    /** Answers the script saw, whatever their status. */
    public long answered() {
        return statuses.values().stream().mapToLong(Long::longValue).sum();
    }

    public long status(int code) {
        return statuses.getOrDefault(code, 0L);
    }

    /** The mean size of an answer, from the bytes per second over the requests per second. */
    public double kilobytesPerResponse() {
        return requestsPerSecond > 0 ? bytesPerSecond / requestsPerSecond / 1024 : 0;
    }

    /** "200=12 204=3" from the script's counts, or wrk's own "non-2xx=N" without a script. */
    public String statusSummary() {
        if (statuses.isEmpty()) {
            return "non-2xx=" + non2xx;
        }
        StringBuilder text = new StringBuilder();
        statuses.forEach((code, n) -> text.append(text.isEmpty() ? "" : " ").append(code).append('=').append(n));
        return text.toString();
    }
}
