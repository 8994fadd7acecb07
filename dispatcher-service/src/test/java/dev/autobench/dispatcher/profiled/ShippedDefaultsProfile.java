package dev.autobench.dispatcher.profiled;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The shipped defaults: no daily call budget configured (the default applies), all four keys set. */
public class ShippedDefaultsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("autobench.dispatch.daily-call-budget", "");
    }
}
