package dev.autobench.bench.soak;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Latencies per endpoint, printed as count, p50, p99 and max in milliseconds, endpoint by endpoint and overall. */
final class Latencies {

    private final Map<String, List<Long>> nanos = new ConcurrentHashMap<>();

    void add(String endpoint, long elapsedNanos) {
        nanos.computeIfAbsent(endpoint, k -> Collections.synchronizedList(new ArrayList<>())).add(elapsedNanos);
    }

    String table() {
        StringBuilder text = new StringBuilder("endpoint                      count     p50 ms   p99 ms   max ms\n");
        List<Long> all = new ArrayList<>();
        new TreeMap<>(nanos).forEach((endpoint, values) -> {
            synchronized (values) {
                all.addAll(values);
                text.append(line(endpoint, values));
            }
        });
        return text.append(line("ALL", all)).toString();
    }

    /** The nearest-rank percentiles: p50 the middle value, p99 the value below which 99 % of them lie. */
    static String line(String name, List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "";
        }
        int n = sorted.size();
        long p99 = sorted.get((int) Math.min(n - 1, Math.ceil(n * 0.99) - 1));
        return String.format(Locale.ROOT, "%-28s %7d %9.1f %8.1f %8.1f%n", name, n, sorted.get(n / 2) / 1e6,
                p99 / 1e6, sorted.get(n - 1) / 1e6);
    }
}
