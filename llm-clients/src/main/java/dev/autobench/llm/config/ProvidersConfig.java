package dev.autobench.llm.config;

import dev.autobench.llm.provider.Provider;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
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
        /** The provider's address ({@code AUTOBENCH_PROVIDERS_<NAME>_BASE_URL}); the public endpoint when unset. */
        Optional<String> baseUrl();

        /**
         * Further origins ({@code https://host[:port]}, comma-separated, {@code AUTOBENCH_PROVIDERS_<NAME>_ALLOWED_ORIGINS})
         * a model's own base URL may point at. A model row can never send the provider's key anywhere else.
         */
        Optional<List<String>> allowedOrigins();
    }
}
