package dev.autobench.dispatcher.profiled;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * One restart for the tests that need a different configuration: only OpenAI has a key, the offline demo is
 * on, each pair gets one attempt, and the circuit opens after 4 calls for 4 s.
 */
public class OperationsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "anthropic.api-key", "",
                "gemini.api-key", "",
                "deepseek.api-key", "",
                "autobench.demo.enabled", "true",
                "autobench.demo.latency", "20ms",
                "autobench.dispatch.max-attempts", "1",
                "autobench.dispatch.circuit.request-volume-threshold", "4",
                "autobench.dispatch.circuit.failure-ratio", "0.5",
                "autobench.dispatch.circuit.delay", "4s");
    }
}
