package dev.autobench.llm.config;

import dev.autobench.llm.provider.Provider;
import dev.autobench.llm.provider.ProviderEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Optional;

/**
 * Endpoints from configuration. Keys are read under the names of the configuration contract:
 * property {@code openai.api-key} is environment variable {@code OPENAI_API_KEY}, likewise
 * {@code ANTHROPIC_API_KEY}, {@code GEMINI_API_KEY}, {@code DEEPSEEK_API_KEY} and
 * {@code OPENAI_COMPATIBLE_API_KEY}.
 */
@ApplicationScoped
public class ConfiguredProviderEndpoints implements ProviderEndpoints {

    private final ProvidersConfig providers;
    private final Config config;

    public ConfiguredProviderEndpoints(ProvidersConfig providers, Config config) {
        this.providers = providers;
        this.config = config;
    }

    @Override
    public Optional<String> baseUrl(Provider provider) {
        return endpoint(provider).flatMap(ProvidersConfig.Endpoint::baseUrl).filter(u -> !u.isBlank())
                .or(provider::defaultBaseUrl);
    }

    @Override
    public List<String> allowedOrigins(Provider provider) {
        return endpoint(provider).flatMap(ProvidersConfig.Endpoint::allowedOrigins).orElse(List.of());
    }

    private Optional<ProvidersConfig.Endpoint> endpoint(Provider provider) {
        return switch (provider) {
            case OPENAI -> Optional.of(providers.openai());
            case ANTHROPIC -> Optional.of(providers.anthropic());
            case GOOGLE -> Optional.of(providers.google());
            case DEEPSEEK -> Optional.of(providers.deepseek());
            case OPENAI_COMPATIBLE -> Optional.of(providers.openaiCompatible());
            case DEMO -> Optional.empty();
        };
    }

    @Override
    public Optional<String> apiKey(Provider provider) {
        return provider.keyProperty()
                .flatMap(property -> config.getOptionalValue(property, String.class))
                .map(String::strip)
                .filter(k -> !k.isEmpty());
    }
}
