package dev.autobench.dispatcher;

import dev.autobench.dispatcher.support.WireMockProviders;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of this module talks to WireMock fakes of the providers and the renderer. */
@QuarkusTestResource(WireMockProviders.class)
public final class TestProviders {
    private TestProviders() {
    }
}
