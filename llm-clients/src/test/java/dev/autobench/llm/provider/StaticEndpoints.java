package dev.autobench.llm.provider;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Endpoints given in the test itself: every provider but the demo at one base URL, the keys given, and an allow-list
 * of further origins for OpenAI.
 */
public record StaticEndpoints(String base, Map<Provider, String> keys, List<String> allowed)
        implements ProviderEndpoints {

    public StaticEndpoints(String base, Map<Provider, String> keys) {
        this(base, keys, List.of());
    }

    @Override
    public List<String> allowedOrigins(Provider provider) {
        return provider == Provider.OPENAI ? allowed : List.of();
    }

    @Override
    public Optional<String> baseUrl(Provider provider) {
        return provider == Provider.DEMO ? Optional.empty() : Optional.of(base);
    }

    @Override
    public Optional<String> apiKey(Provider provider) {
        return Optional.ofNullable(keys.get(provider));
    }
}
