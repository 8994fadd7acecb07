package dev.autobench.dispatcher.renderer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the renderer listens ({@code AUTOBENCH_RENDERER_URL}); the REST client {@code renderer} uses it. */
@ConfigMapping(prefix = "autobench")
public interface RendererConfig {

    @WithDefault("http://localhost:8083")
    String rendererUrl();
}
