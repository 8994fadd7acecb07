package dev.autobench.bench.suite;

import java.util.Map;

/**
 * What the bench stack runs with: the demo models only (a bench must never spend money on real providers), 1 s per
 * simulated provider call, and the arena's abuse limits raised so that one load generator may act as many voters.
 * X-Forwarded-For is trusted as behind the production ingress: each simulated voter comes from its own address.
 */
final class BenchSettings {

    private static final String MANY = "100000000";

    private BenchSettings() {
    }

    static Map<String, String> stack() {
        return Map.ofEntries(
                Map.entry("AUTOBENCH_DEMO_ENABLED", "true"),
                Map.entry("AUTOBENCH_DEMO_LATENCY", "1s"),
                Map.entry("AUTOBENCH_ARENA_MIN_VIEW_TIME", "0s"),
                Map.entry("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true"),
                Map.entry("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1/32"),
                Map.entry("AUTOBENCH_ARENA_COOKIE_MIN_AGE_TO_COUNT", "0s"),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_MATCHES_PER_MINUTE", MANY),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_MATCHES_PER_HOUR", MANY),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_COOKIES_PER_MINUTE", MANY),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_COOKIES_PER_HOUR", MANY),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_VOTER_PER_MINUTE", "1000000"),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_VOTER_PER_HOUR", "1000000"),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_IP_PER_MINUTE", MANY),
                Map.entry("AUTOBENCH_ARENA_RATE_LIMIT_IP_PER_HOUR", MANY));
    }
}
