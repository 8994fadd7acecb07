package dev.autobench.llm.provider;

import java.util.List;
import java.util.Optional;

/** Where each provider lives and which key it takes. */
public interface ProviderEndpoints {

    /** The configured base URL, or the provider's public default; empty when neither exists. */
    Optional<String> baseUrl(Provider provider);

    /** The API key; empty (never blank) when none is configured. */
    Optional<String> apiKey(Provider provider);

    /**
     * Origins a model's own base URL may point at besides the configured base URL's origin: the
     * operator's allow-list ({@code AUTOBENCH_PROVIDERS_<NAME>_ALLOWED_ORIGINS}). Empty by default.
     */
    default List<String> allowedOrigins(Provider provider) {
        return List.of();
    }

    /**
     * Whether a per-model base URL may receive this provider's key: only the operator's configured
     * address (its origin) or an origin on the provider's allow-list. The demo provider takes none.
     */
    default boolean allowsBaseUrl(Provider provider, String url) {
        if (provider == Provider.DEMO) {
            return false;
        }
        Optional<String> origin = Origins.of(url);
        if (origin.isEmpty()) {
            return false;
        }
        return baseUrl(provider).flatMap(Origins::of).filter(origin.get()::equals).isPresent()
                || allowedOrigins(provider).stream().map(Origins::of).flatMap(Optional::stream).anyMatch(origin.get()::equals);
    }

    /** Whether a call to this provider can be sent at all: a key where one is required, and an address. */
    default boolean isConfigured(Provider provider) {
        if (provider == Provider.DEMO) {
            return true;
        }
        return baseUrl(provider).isPresent() && (!provider.requiresKey() || apiKey(provider).isPresent());
    }
}
