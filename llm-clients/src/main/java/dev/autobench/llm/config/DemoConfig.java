package dev.autobench.llm.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The offline demo provider ({@code AUTOBENCH_DEMO_ENABLED}, {@code AUTOBENCH_DEMO_LATENCY}). */
@ConfigMapping(prefix = "autobench.demo")
public interface DemoConfig {

    /** Whether demo models may be active; off in production so a real deployment never shows fake answers. */
    @WithDefault("false")
    boolean enabled();

    /** Simulated answer time, so the demo exercises the same concurrency as real providers. */
    @WithDefault("200ms")
    Duration latency();
}
