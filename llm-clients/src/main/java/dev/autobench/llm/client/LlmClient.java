package dev.autobench.llm.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.llm.config.DemoConfig;
import dev.autobench.llm.config.ProvidersConfig;
import dev.autobench.llm.demo.DemoProvider;
import dev.autobench.llm.provider.Provider;
import dev.autobench.llm.provider.ProviderEndpoints;
import dev.autobench.llm.wire.AnthropicWire;
import dev.autobench.llm.wire.GeminiWire;
import dev.autobench.llm.wire.HttpLlmTransport;
import dev.autobench.llm.wire.OpenAiChatWire;
import dev.autobench.llm.wire.ProviderWire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;

/**
 * The one entry point: {@link #call(LlmRequest)} sends exactly ONE HTTP attempt to the request's
 * provider (the demo provider answers offline) and returns the answer or throws an
 * {@link LlmCallException} whose {@link FailureKind} says whether another attempt is safe.
 * Callers own retries so that each attempt can be recorded (and billed) on its own.
 */
@ApplicationScoped
public class LlmClient {

    private final ProviderEndpoints endpoints;
    private final HttpLlmTransport transport;
    private final DemoProvider demo;

    @Inject
    LlmClient(ProviderEndpoints endpoints, ProvidersConfig providers, DemoConfig demoConfig) {
        this(endpoints, providers.connectTimeout(), demoConfig.latency());
    }

    private LlmClient(ProviderEndpoints endpoints, Duration connectTimeout, Duration demoLatency) {
        this.endpoints = endpoints;
        this.transport = new HttpLlmTransport(HttpLlmTransport.defaultHttpClient(connectTimeout), new ObjectMapper());
        this.demo = new DemoProvider(demoLatency);
    }

    /** For code outside CDI (tools, tests): the same client over explicit endpoints. */
    public static LlmClient create(ProviderEndpoints endpoints, Duration connectTimeout, Duration demoLatency) {
        return new LlmClient(endpoints, connectTimeout, demoLatency);
    }

    /**
     * One attempt. Throws {@link LlmCallException} with {@link FailureKind#NOT_CONFIGURED} without any
     * network traffic when the provider has no key or no address.
     */
    public LlmResponse call(LlmRequest request) {
        Provider provider = request.provider();
        if (provider == Provider.DEMO) {
            return demo.answer(request);
        }
        Optional<String> key = endpoints.apiKey(provider);
        if (provider.requiresKey() && key.isEmpty()) {
            throw LlmCallException.of(FailureKind.NOT_CONFIGURED, "provider " + provider + " has no API key (set "
                    + provider.keyEnvironmentVariable().orElse("?") + ")");
        }
        Optional<String> own = request.baseUrlOverride();
        if (own.isPresent() && !endpoints.allowsBaseUrl(provider, own.get())) {
            // checked here, at the last step, so that a model row rewritten behind the API cannot redirect the key
            throw LlmCallException.of(FailureKind.NOT_CONFIGURED, "the model's base URL is not an allowed origin of provider "
                    + provider + " (its configured base URL, or AUTOBENCH_PROVIDERS_" + provider.name()
                    + "_ALLOWED_ORIGINS): not called");
        }
        String baseUrl = own.or(() -> endpoints.baseUrl(provider))
                .orElseThrow(() -> LlmCallException.of(FailureKind.NOT_CONFIGURED, "provider " + provider
                        + " has no base URL (set AUTOBENCH_PROVIDERS_" + provider.name() + "_BASE_URL)"));
        return transport.send(wireOf(provider), request, baseUrl, key);
    }

    /** Whether calls to this provider can be sent (a key where required, and an address). */
    public boolean isConfigured(Provider provider) {
        return endpoints.isConfigured(provider);
    }

    /** Whether a model of this provider may have its own base URL {@code url} (see {@link ProviderEndpoints#allowsBaseUrl}). */
    public boolean allowsBaseUrl(Provider provider, String url) {
        return endpoints.allowsBaseUrl(provider, url);
    }

    static ProviderWire wireOf(Provider provider) {
        return switch (provider) {
            case OPENAI -> OpenAiChatWire.openAi();
            case ANTHROPIC -> new AnthropicWire();
            case GOOGLE -> new GeminiWire();
            case DEEPSEEK, OPENAI_COMPATIBLE -> OpenAiChatWire.compatible();
            case DEMO -> throw new IllegalArgumentException("the demo provider has no wire format");
        };
    }
}
