package dev.autobench.dispatcher.profiled;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * One restart for the tests that need a different configuration: only OpenAI has a key, the offline demo is
 * on, each pair gets one attempt, the circuit opens after 4 calls for 4 s, and pairs released while it was
 * open are dispatched again every second.
 */
public class OperationsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("autobench.dispatch.deferred-every", "1s"),
                Map.entry("anthropic.api-key", ""),
                Map.entry("gemini.api-key", ""),
                Map.entry("deepseek.api-key", ""),
                Map.entry("autobench.demo.enabled", "true"),
                Map.entry("autobench.demo.latency", "20ms"),
                Map.entry("autobench.dispatch.max-attempts", "1"),
                Map.entry("autobench.dispatch.circuit.request-volume-threshold", "4"),
                Map.entry("autobench.dispatch.circuit.failure-ratio", "0.5"),
                Map.entry("autobench.dispatch.circuit.delay", "4s"));
    }
}
