package dev.autobench.generator.author;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A stand-in OpenAI on a dynamic port, wired in as the provider's base URL. */
public class OpenAiWireMock implements QuarkusTestResourceLifecycleManager {

    static final String API_KEY = "sk-test-author-0123456789";
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of("autobench.providers.openai.base-url", server.baseUrl(),
                "openai.api-key", API_KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
