package dev.autobench.bench.suite;

import java.util.Locale;

/**
 * The four services as the bench stack runs them: their port (an offset from the stack's port base, as
 * {@code ./autobench} places them) and their Kubernetes container's memory limit (k8s/base/&lt;service&gt;.yaml),
 * which each relaunched JVM is sized against ({@code -XX:MaxRAM}), so RSS can be read against the limit.
 */
public enum Service {
    GENERATOR("generator-service", 1, 512),
    DISPATCHER("dispatcher-service", 2, 768),
    RENDERER("renderer-service", 3, 2048),
    ARENA("arena-service", 0, 768);

    /** The heap share the container image gives the JVM (JAVA_MAX_MEM_RATIO there). */
    public static final int HEAP_PERCENT = 50;

    public final String module;
    public final int portOffset;
    public final int containerLimitMb;

    Service(String module, int portOffset, int containerLimitMb) {
        this.module = module;
        this.portOffset = portOffset;
        this.containerLimitMb = containerLimitMb;
    }

    /** The database role it logs in as (V2 migration): autobench_generator, … */
    public String role() {
        return "autobench_" + name().toLowerCase(Locale.ROOT);
    }

    public String heapOptions() {
        return "-XX:MaxRAM=" + containerLimitMb + "m -XX:MaxRAMPercentage=" + HEAP_PERCENT;
    }

    public int heapMaxMb() {
        return HEAP_PERCENT * containerLimitMb / 100;
    }
}
