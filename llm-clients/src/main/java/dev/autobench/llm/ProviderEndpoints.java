package dev.autobench.llm;

import java.util.Optional;

/** Where each provider lives and which key it takes. */
public interface ProviderEndpoints {

    /** The configured base URL, or the provider's public default; empty when neither exists. */
    Optional<String> baseUrl(Provider provider);

    /** The API key; empty (never blank) when none is configured. */
    Optional<String> apiKey(Provider provider);

    /** Whether a call to this provider can be sent at all: a key where one is required, and an address. */
    default boolean isConfigured(Provider provider) {
        if (provider == Provider.DEMO) {
            return true;
        }
        return baseUrl(provider).isPresent() && (!provider.requiresKey() || apiKey(provider).isPresent());
    }
}
