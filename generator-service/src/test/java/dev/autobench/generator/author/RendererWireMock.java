package dev.autobench.generator.author;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The renderer's checks trial as the generator sees it over HTTP; the real trial (a browser running the checks on
 * the page) is tested in the renderer and end to end. Stubs answer by markers the test writes into reference pages.
 */
public class RendererWireMock implements QuarkusTestResourceLifecycleManager {

    static final String TRIAL = "/api/checks/trial";
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of("autobench.renderer-url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
