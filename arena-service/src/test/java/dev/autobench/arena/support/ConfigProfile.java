package dev.autobench.arena.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test profile that only overrides configuration: its subclass names the keys and values, in
 * pairs, in its no-argument constructor (Quarkus instantiates profiles by that constructor).
 */
public abstract class ConfigProfile implements QuarkusTestProfile {

    private final Map<String, String> overrides = new LinkedHashMap<>();

    protected ConfigProfile(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            overrides.put(keysAndValues[i], keysAndValues[i + 1]);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return overrides;
    }
}
