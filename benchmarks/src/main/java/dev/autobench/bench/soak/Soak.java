package dev.autobench.bench.soak;

import dev.autobench.bench.proc.ProcessMemory;
import dev.autobench.bench.suite.LocalStack;
import dev.autobench.bench.suite.Service;
import dev.autobench.bench.suite.StackOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A simulated day of visitors against a stack of its own for N minutes ({@code ./autobench start} in .autobench-soak
 * with its own ports, beside any other stack; it runs one day first). Reports requests, errors (must be 0), latency
 * per endpoint, and each service's RSS at the start and the end of the visits; exits non-zero on any error.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Simulated visitors against a stack of its own for N minutes; exits 1 on any error.")
public final class Soak implements Callable<Integer> {

    @Mixin
    StackOptions where;

    @Option(names = "--minutes", defaultValue = "10", description = "how long the visitors come (default ${DEFAULT-VALUE})")
    long minutes;

    @Option(names = "--visitors", defaultValue = "30", description = "concurrent visitors (default ${DEFAULT-VALUE})")
    int visitors;

    @Option(names = "--java-opts", defaultValue = "${env:AUTOBENCH_SOAK_JAVA_OPTS:-}",
            description = "options of every service JVM (e.g. -Xmx256m to judge memory growth)")
    String javaOpts;

    @Option(names = "--demo-latency", defaultValue = "${env:AUTOBENCH_DEMO_LATENCY:-200ms}",
            description = "each demo model call's duration")
    String demoLatency;

    @Option(names = "--keep", description = "leave the stack running afterwards (stop it with AUTOBENCH_HOME=… ./autobench down)")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        LocalStack stack = where.stack(".autobench-soak", 54349, 18080, settings());
        where.requireFreePorts(stack);
        Path state = Files.createDirectories(stack.home());
        try {
            System.out.println("==> starting the soak stack: " + stack.describe() + " ./autobench start --reset (log: "
                    + state.resolve("start.log") + ")");
            stack.start(state.resolve("start.log"));
            System.out.println("==> soak: " + visitors + " concurrent visitors for " + minutes + " min");
            Map<Service, Long> rssStart = rss(stack);
            Visitors run = new Visitors(stack.url(Service.ARENA), stack.secrets().get("AUTOBENCH_CRON_SECRET"));
            run.run(visitors, minutes);
            Map<Service, Long> rssEnd = rss(stack);
            System.out.printf("requests=%d votes=%d errors=%d%n", run.requests.get(), run.votes.get(), run.errors.get());
            System.out.print(run.latencies.table());
            run.samples.stream().limit(10).forEach(s -> System.out.println("error: " + s));
            System.out.println("==> RSS (MB) at the start and the end of the visits:");
            for (Service s : Service.values()) {
                System.out.printf("    %s: %d MB -> %d MB (%+d MB)%n", s.module, rssStart.get(s), rssEnd.get(s),
                        rssEnd.get(s) - rssStart.get(s));
            }
            return run.errors.get() == 0 ? 0 : 1;
        } finally {
            if (keep) {
                System.out.println("==> left running; logs in " + state.resolve("logs") + "; stop it with AUTOBENCH_HOME="
                        + state + " ./autobench down");
            } else {
                stack.down();
            }
        }
    }

    /** Demo models only, each vote counted after a 1 s look, every visitor from its own address. */
    private Map<String, String> settings() {
        Map<String, String> env = new HashMap<>();
        env.put("AUTOBENCH_DEMO_ENABLED", "true");
        env.put("AUTOBENCH_DEMO_LATENCY", demoLatency);
        env.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
        env.put("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1/32");
        env.put("AUTOBENCH_ARENA_MIN_VIEW_TIME", "1s");
        env.put("AUTOBENCH_ARENA_COOKIE_MIN_AGE_TO_COUNT", "0s");
        env.put("AUTOBENCH_JAVA_OPTS", javaOpts);
        return env;
    }

    private static Map<Service, Long> rss(LocalStack stack) {
        Map<Service, Long> rss = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            rss.put(s, ProcessMemory.rssMb(stack.pid(s)));
        }
        return rss;
    }
}
