package dev.autobench.common.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracing is on exactly when an OTLP endpoint is configured, whatever sets it, and an explicit
 * QUARKUS_OTEL_SDK_DISABLED still decides. The sources mirror a service: application.properties
 * (ordinal 250) says disabled, environment variables (300) may add an endpoint or a decision.
 */
class TracingSwitchTest {

    private static final Map<String, String> APPLICATION_PROPERTIES = Map.of("quarkus.otel.sdk.disabled", "true");

    @Test
    void withoutAnEndpointTheSdkStaysDisabled() {
        assertThat(sdkDisabled(Map.of())).isTrue();
        assertThat(sdkDisabled(Map.of("quarkus.otel.exporter.otlp.endpoint", " "))).as("a blank endpoint").isTrue();
    }

    @Test
    void theExtensionsDefaultEndpointIsNotAConfiguredOne() {
        // quarkus-opentelemetry registers localhost:4317 as a default value; a native executable shows it to this source
        assertThat(sdkDisabled(Map.of(), Map.of("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317/")))
                .isTrue();
        assertThat(sdkDisabled(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317/"),
                Map.of("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317/")))
                .as("the same address, configured on purpose").isFalse();
    }

    @Test
    void anEndpointInTheApplicationPropertiesTurnsTheSdkOn() {
        Map<String, String> properties = new HashMap<>(APPLICATION_PROPERTIES);
        properties.put("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                // a native executable keeps application.properties among its recorded runtime values, at ordinal 0
                .withSources(new PropertiesConfigSource(properties, "Runtime Values", 0))
                .withSources(new TracingSwitch())
                .build();
        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
    }

    @Test
    void anEndpointAloneTurnsTheSdkOn() {
        assertThat(sdkDisabled(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"))).isFalse();
        assertThat(sdkDisabled(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces")))
                .isFalse();
    }

    @Test
    void anExplicitDecisionWinsOverTheEndpoint() {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317");
        env.put("QUARKUS_OTEL_SDK_DISABLED", "true");
        assertThat(sdkDisabled(env)).isTrue();
    }

    private static boolean sdkDisabled(Map<String, String> environment) {
        return sdkDisabled(environment, Map.of());
    }

    private static boolean sdkDisabled(Map<String, String> environment, Map<String, String> defaults) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withDefaultValues(defaults)
                .withSources(new PropertiesConfigSource(APPLICATION_PROPERTIES, "application.properties", 250))
                .withSources(new io.smallrye.config.EnvConfigSource(environment, 300))
                .withSources(new TracingSwitch())
                .build();
        return config.getValue("quarkus.otel.sdk.disabled", Boolean.class);
    }
}
