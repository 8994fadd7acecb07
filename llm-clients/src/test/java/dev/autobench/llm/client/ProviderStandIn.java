package dev.autobench.llm.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autobench.llm.provider.Provider;
import dev.autobench.llm.provider.StaticEndpoints;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server standing in for every provider (each at its real path), emptied before each test, and a
 * client that reaches it with the same key for all. Register it as a static {@code @RegisterExtension} field.
 */
final class ProviderStandIn implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final String key;
    private WireMockServer wiremock;
    private LlmClient client;

    ProviderStandIn(String key) {
        this.key = key;
    }

    WireMockServer wiremock() {
        return wiremock;
    }

    LlmClient client() {
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        wiremock = new WireMockServer(options().dynamicPort());
        wiremock.start();
        Map<Provider, String> keys = new EnumMap<>(Provider.class);
        for (Provider provider : Provider.values()) {
            keys.put(provider, key);
        }
        client = LlmClient.create(new StaticEndpoints(wiremock.baseUrl(), keys),
                Duration.ofSeconds(30), Duration.ZERO);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        wiremock.resetAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        wiremock.stop();
    }
}
