package dev.autobench.llm.config;

import dev.autobench.llm.Provider;
import dev.autobench.llm.ProviderEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

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
        Optional<String> configured = switch (provider) {
            case OPENAI -> providers.openai().baseUrl();
            case ANTHROPIC -> providers.anthropic().baseUrl();
            case GOOGLE -> providers.google().baseUrl();
            case DEEPSEEK -> providers.deepseek().baseUrl();
            case OPENAI_COMPATIBLE -> providers.openaiCompatible().baseUrl();
            case DEMO -> Optional.empty();
        };
        return configured.filter(u -> !u.isBlank()).or(provider::defaultBaseUrl);
    }

    @Override
    public Optional<String> apiKey(Provider provider) {
        return provider.keyProperty()
                .flatMap(property -> config.getOptionalValue(property, String.class))
                .map(String::strip)
                .filter(k -> !k.isEmpty());
    }
}
