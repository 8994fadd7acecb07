package dev.autobench.generator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the renderer listens ({@code AUTOBENCH_RENDERER_URL}); the REST client {@code renderer} sends it an
 * authored task's reference page to try the task's checks on.
 */
@ConfigMapping(prefix = "autobench")
public interface RendererConfig {

    @WithDefault("http://localhost:8083")
    String rendererUrl();
}
