package dev.autobench.dispatcher.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server standing in for every provider (each has its own paths) and for the renderer;
 * the application's base URLs point at it, exactly as AUTOBENCH_PROVIDERS_*_BASE_URL would.
 */
public class WireMockProviders implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort()
                .containerThreads(128)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(64));
        server.start();
        String base = server.baseUrl();
        return Map.of(
                "autobench.providers.openai.base-url", base,
                "autobench.providers.anthropic.base-url", base,
                "autobench.providers.google.base-url", base,
                "autobench.providers.deepseek.base-url", base,
                "autobench.providers.openai-compatible.base-url", base + "/compat/v1",
                "autobench.renderer-url", base);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
