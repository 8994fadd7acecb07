package dev.autobench.bench.suite;

import java.util.Locale;

/**
 * The four services as the bench stack runs them: their port (an offset from the stack's port base, as
 * {@code ./autobench} places them) and their Kubernetes containers' memory limits, the JVM image's
 * (k8s/components/jvm) and the native executable's (k8s/base/&lt;service&gt;.yaml), which each relaunched service
 * is sized against, so RSS can be read against the limit.
 */
public enum Service {
    GENERATOR("generator-service", 1, 512, 320),
    DISPATCHER("dispatcher-service", 2, 768, 320),
    RENDERER("renderer-service", 3, 2048, 2048),
    ARENA("arena-service", 0, 768, 512);

    /** The heap share the container image gives the JVM (JAVA_MAX_MEM_RATIO there). */
    public static final int HEAP_PERCENT = 50;

    public final String module;
    public final int portOffset;
    public final int containerLimitMb;
    public final int nativeContainerLimitMb;

    Service(String module, int portOffset, int containerLimitMb, int nativeContainerLimitMb) {
        this.module = module;
        this.portOffset = portOffset;
        this.containerLimitMb = containerLimitMb;
        this.nativeContainerLimitMb = nativeContainerLimitMb;
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

    /**
     * The native executable's heap in its container: {@code -XX:MaximumHeapSizePercent=50} there takes half the
     * container's limit; outside a container the same bound is given directly.
     */
    public String nativeHeapOptions() {
        return "-Xmx" + HEAP_PERCENT * nativeContainerLimitMb / 100 + "m";
    }
}
