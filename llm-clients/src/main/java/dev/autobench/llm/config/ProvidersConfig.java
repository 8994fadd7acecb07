package dev.autobench.llm.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/**
 * Provider endpoints: {@code AUTOBENCH_PROVIDERS_<NAME>_BASE_URL} overrides the public address
 * (proxies, tests, OpenAI-compatible servers). Keys are not here: see {@code ConfiguredProviderEndpoints}.
 */
@ConfigMapping(prefix = "autobench.providers")
public interface ProvidersConfig {

    Endpoint openai();

    Endpoint anthropic();

    Endpoint google();

    Endpoint deepseek();

    @WithName("openai-compatible")
    Endpoint openaiCompatible();

    /** How long to wait for a TCP/TLS connection; failing here is never billed, so it may be short. */
    @WithDefault("10s")
    Duration connectTimeout();

    interface Endpoint {
        Optional<String> baseUrl();
    }
}
