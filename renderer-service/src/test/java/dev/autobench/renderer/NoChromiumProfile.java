package dev.autobench.renderer;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A deployment whose AUTOBENCH_CHROMIUM_PATH points at nothing. */
public class NoChromiumProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("autobench.renderer.chromium-path", "/nonexistent/chromium");
    }
}
